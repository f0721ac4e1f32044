import { describe, expect, it } from 'vitest';
import { callStatus } from '../../lib/calls';
import { compileProgram } from '../../lib/dataset/compile';
import { Program, type ProgramInput } from '../../lib/schema';

const S = 'https://example.org/source';

function program(calls: ProgramInput['calls'], status: ProgramInput['status'] = { state: 'active', source: S }) {
  const input: ProgramInput = {
    id: 'test',
    name: 'Test Program',
    short_name: 'TP',
    aliases: ['TP'],
    organiser: { name: 'Org', source: S },
    url: 'https://example.org',
    status,
    calls,
    verified: '2026-01-01',
  };
  return compileProgram('data/programs/test.yaml', Program.parse(input));
}

/** A fixed clock: instants written in UTC. */
const at = (iso: string) => Date.parse(`${iso}Z`);

describe('call status at a fixed moment', () => {
  const autumn = program([
    { name: 'Autumn 2026', opens: '2026-05-12', closes: '2026-06-07', timezone: 'AoE', starts: '2026-09-28', source: S },
  ]);

  it('is open, counting down to the deadline in its time zone', () => {
    const s = callStatus(autumn, at('2026-06-02T09:00:00'));
    expect(s.kind).toBe('open');
    expect(s.text).toBe('Open, closes in 6 days (7 Jun, AoE)');
  });

  it('stays open until the end of the deadline day Anywhere on Earth', () => {
    // 11:00 UTC on 8 June is still 7 June in UTC−12.
    expect(callStatus(autumn, at('2026-06-08T11:00:00')).text).toBe('Open, closes in less than an hour (7 Jun, AoE)');
    expect(callStatus(autumn, at('2026-06-08T12:00:00')).kind).toBe('closed');
  });

  it('says when it opens, before it opens', () => {
    const s = callStatus(autumn, at('2026-04-01T00:00:00'));
    expect(s).toMatchObject({ kind: 'opening', text: 'Opens 12 May' });
  });

  it('says closed after the deadline, with the deadline', () => {
    expect(callStatus(autumn, at('2026-11-28T00:00:00')).text).toBe('Closed; last deadline 7 Jun (Autumn 2026)');
    expect(callStatus(autumn, at('2027-02-01T00:00:00')).text).toBe('Closed; last deadline 7 Jun 2026 (Autumn 2026)');
  });

  it('reads a deadline with a time in an IANA zone', () => {
    const p = program([{ name: 'R', opens: '2026-01-01', closes: '2026-02-01 17:00', timezone: 'Europe/London', source: S }]);
    expect(callStatus(p, at('2026-02-01T16:59:00')).kind).toBe('open');
    expect(callStatus(p, at('2026-02-01T17:00:00')).kind).toBe('closed');
    expect(callStatus(p, at('2026-01-31T16:00:00')).text).toBe('Open, closes in 1 day (1 Feb, 17:00, Europe/London)');
  });

  it('says "opens in March" when only the month is known', () => {
    const p = program([{ name: 'Spring 2027', state: 'announced', opens: '2027-03', source: S }]);
    expect(callStatus(p, at('2026-11-28T00:00:00')).text).toBe('Opens in March 2027');
  });

  it('reports an announced round without dates, and rolling calls', () => {
    expect(callStatus(program([{ name: 'Next round', state: 'announced', source: S }]), at('2026-11-28T00:00:00'))).toMatchObject({
      kind: 'announced',
      text: 'Next round announced (Next round), not yet open',
    });
    expect(callStatus(program([{ name: 'Internships', state: 'rolling', source: S }]), at('2026-11-28T00:00:00'))).toMatchObject({
      kind: 'rolling',
      text: 'Rolling applications',
    });
  });

  it('prefers the open call that closes first, and ignores calls for mentors', () => {
    const p = program([
      { name: 'Mentors', for: 'mentors', opens: '2026-01-01', closes: '2026-01-10', source: S },
      { name: 'Late', opens: '2026-01-01', closes: '2026-03-01', source: S },
      { name: 'Early', opens: '2026-01-01', closes: '2026-02-01', source: S },
    ]);
    expect(callStatus(p, at('2026-01-05T00:00:00')).call?.name).toBe('Early');
  });

  it('says "no open call known" without calls, and "discontinued" for ended programs', () => {
    expect(callStatus(program([]), at('2026-11-28T00:00:00'))).toMatchObject({ kind: 'none', text: 'No open call known' });
    const ended = program([], { state: 'discontinued', since: '2022-11', source: S });
    expect(callStatus(ended, at('2026-11-28T00:00:00'))).toMatchObject({ kind: 'discontinued', text: 'Discontinued in November 2022' });
  });
});
