/** Which reminders are due, with a fixed clock: once each, in order, never without dates. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import dataset from 'virtual:dataset';
import type { CompiledCall, CompiledProgram } from '../../lib/dataset/types';
import { dueReminders, FRESHLY_OPEN_MS, nextReminderAt, reminderKey, type Reminder } from '../../lib/reminders';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);

function call(name: string, dates: { opens?: string; closes?: string }, extra: Partial<CompiledCall> = {}): CompiledCall {
  const c: CompiledCall = { name, for: 'participants', state: 'dated', timezone: 'UTC', timezoneStated: true, sources: [], ...extra };
  if (dates.opens) c.opens = { local: dates.opens.slice(0, 10), precision: 'day', at: at(dates.opens) };
  if (dates.closes) c.closes = { local: dates.closes.slice(0, 10), precision: 'day', at: at(dates.closes) };
  return c;
}

function program(id: string, calls: CompiledCall[], state: 'active' | 'paused' | 'discontinued' = 'active'): CompiledProgram {
  return {
    id,
    name: id.toUpperCase(),
    shortName: id.toUpperCase(),
    organiser: { name: 'Org' },
    url: `https://${id}.example.org/`,
    previousNames: [],
    status: { state },
    format: {},
    calls,
    verified: '2026-01-01',
    sources: [],
    file: `data/programs/${id}.yaml`,
  };
}

// Opens 1 May 00:00 UTC, closes 31 May 23:59:59.999 UTC.
const SUMMER = call('Summer 2026', { opens: '2026-05-01T00:00:00Z', closes: '2026-05-31T23:59:59.999Z' });
const ALPHA = program('alpha', [SUMMER]);

/** Runs checks at the given moments, remembering what was sent, like the background does. */
function simulate(programs: CompiledProgram[], followed: string[], moments: number[]) {
  const sent = new Set<string>();
  const log: { now: number; reminder: Reminder }[] = [];
  for (const now of moments) {
    const due = dueReminders(programs, followed, sent, now);
    for (const r of due.notify) log.push({ now, reminder: r });
    for (const r of due.notify) sent.add(r.key);
    for (const k of due.superseded) sent.add(k);
  }
  return { sent, log };
}

const hourly = (from: number, to: number, step = HOUR) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

describe('dueReminders', () => {
  it('says nothing before the call opens', () => {
    expect(dueReminders([ALPHA], ['alpha'], new Set(), at('2026-04-30T23:59:59Z'))).toEqual({ notify: [], superseded: [] });
  });

  it('tells when the call opens, with its deadline', () => {
    const due = dueReminders([ALPHA], ['alpha'], new Set(), at('2026-05-01T09:00:00Z'));
    expect(due.superseded).toEqual([]);
    expect(due.notify).toEqual([
      {
        key: 'alpha|Summer 2026|opened',
        program: 'alpha',
        call: 'Summer 2026',
        kind: 'opened',
        title: 'ALPHA: applications are open',
        message: 'Summer 2026. Deadline 31 May, UTC (in 30 days).',
      },
    ]);
  });

  it('sends nothing that was sent already', () => {
    const sent = new Set([reminderKey('alpha', 'Summer 2026', 'opened')]);
    expect(dueReminders([ALPHA], ['alpha'], sent, at('2026-05-02T00:00:00Z')).notify).toEqual([]);
  });

  it('reminds 7 days and 1 day before the deadline', () => {
    const sent = new Set([reminderKey('alpha', 'Summer 2026', 'opened')]);
    const week = dueReminders([ALPHA], ['alpha'], sent, at('2026-05-25T00:00:00Z'));
    expect(week.notify.map((r) => [r.kind, r.title])).toEqual([['closes-7d', 'ALPHA: applications close in 6 days']]);
    sent.add(week.notify[0]!.key);
    expect(dueReminders([ALPHA], ['alpha'], sent, at('2026-05-30T00:00:00Z')).notify).toEqual([]);
    const day = dueReminders([ALPHA], ['alpha'], sent, at('2026-05-31T06:00:00Z'));
    expect(day.notify.map((r) => [r.kind, r.title, r.message])).toEqual([
      ['closes-1d', 'ALPHA: applications close in 17 hours', 'Summer 2026. Deadline 31 May, UTC.'],
    ]);
  });

  it('sends only the most urgent one to a late follower, and never an older one afterwards', () => {
    const late = dueReminders([ALPHA], ['alpha'], new Set(), at('2026-05-31T12:00:00Z'));
    expect(late.notify.map((r) => r.kind)).toEqual(['closes-1d']);
    expect(late.superseded.sort()).toEqual(['alpha|Summer 2026|closes-7d', 'alpha|Summer 2026|opened']);
    const sent = new Set([...late.notify.map((r) => r.key), ...late.superseded]);
    expect(dueReminders([ALPHA], ['alpha'], sent, at('2026-05-31T13:00:00Z'))).toEqual({ notify: [], superseded: [] });
  });

  it('says nothing after the deadline', () => {
    expect(dueReminders([ALPHA], ['alpha'], new Set(), at('2026-06-01T00:00:00Z')).notify).toEqual([]);
  });

  it('says nothing for programs not followed, discontinued, or calls without dates or not for participants', () => {
    const now = at('2026-05-30T12:00:00Z');
    expect(dueReminders([ALPHA], [], new Set(), now).notify).toEqual([]);
    expect(dueReminders([ALPHA], ['beta'], new Set(), now).notify).toEqual([]);
    const gone = program('gone', [SUMMER], 'discontinued');
    const undated = program('undated', [call('Next round', {}, { state: 'announced' }), call('Anytime', {}, { state: 'rolling' })]);
    const mentors = program('mentors', [call('Mentors 2026', { opens: '2026-05-01T00:00:00Z', closes: '2026-05-31T00:00:00Z' }, { for: 'mentors' })]);
    const programs = [gone, undated, mentors];
    const ids = programs.map((p) => p.id);
    for (const t of hourly(at('2026-01-01T00:00:00Z'), at('2026-12-31T00:00:00Z'), 6 * HOUR)) {
      expect(dueReminders(programs, ids, new Set(), t)).toEqual({ notify: [], superseded: [] });
    }
    expect(nextReminderAt(programs, ids, at('2026-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('a deadline with no opening date: open until the deadline', () => {
    const p = program('dl', [call('Round 3', { closes: '2026-03-10T23:59:59Z' })]);
    const { log } = simulate([p], ['dl'], hourly(at('2026-02-01T00:00:00Z'), at('2026-03-20T00:00:00Z')));
    expect(log.map((l) => [l.reminder.kind, new Date(l.now).toISOString()])).toEqual([
      ['opened', '2026-02-01T00:00:00.000Z'],
      ['closes-7d', '2026-03-04T00:00:00.000Z'],
      ['closes-1d', '2026-03-10T00:00:00.000Z'],
    ]);
  });

  it('an opening date with no deadline: "open" once, within a week of opening', () => {
    const p = program('od', [call('Autumn', { opens: '2026-09-01T00:00:00Z' })]);
    expect(dueReminders([p], ['od'], new Set(), at('2026-09-01T00:00:00Z') + FRESHLY_OPEN_MS + 1).notify).toEqual([]);
    const { log } = simulate([p], ['od'], hourly(at('2026-08-20T00:00:00Z'), at('2026-10-01T00:00:00Z')));
    expect(log.map((l) => [l.reminder.kind, l.reminder.message])).toEqual([['opened', 'Autumn. Opened 1 Sep.']]);
  });

  it('over a whole season of hourly checks: opened, 7 days, 1 day, each exactly once', () => {
    const { log } = simulate([ALPHA], ['alpha'], hourly(at('2026-04-01T00:00:00Z'), at('2026-07-01T00:00:00Z')));
    expect(log.map((l) => [l.reminder.kind, new Date(l.now).toISOString()])).toEqual([
      ['opened', '2026-05-01T00:00:00.000Z'],
      ['closes-7d', '2026-05-25T00:00:00.000Z'],
      ['closes-1d', '2026-05-31T00:00:00.000Z'],
    ]);
  });

  it('whatever the moments of the checks: no key twice, at most one of each kind, none after the deadline', () => {
    const start = at('2026-04-01T00:00:00Z');
    const end = at('2026-07-01T00:00:00Z');
    const programs = [ALPHA, program('beta', [call('B', { closes: '2026-05-20T12:00:00Z' }), call('B old', { closes: '2025-05-20T12:00:00Z' })])];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: start, max: end }), { maxLength: 60 }), (times) => {
        const moments = [...times].sort((a, b) => a - b);
        const { log } = simulate(programs, ['alpha', 'beta'], moments);
        const keys = log.map((l) => l.reminder.key);
        expect(new Set(keys).size).toBe(keys.length);
        for (const { now, reminder } of log) {
          const c = programs.find((p) => p.id === reminder.program)!.calls.find((x) => x.name === reminder.call)!;
          expect(now).toBeLessThanOrEqual(c.closes!.at);
          if (c.opens) expect(now).toBeGreaterThanOrEqual(c.opens.at);
          if (reminder.kind === 'closes-7d') expect(c.closes!.at - now).toBeLessThanOrEqual(7 * DAY);
          if (reminder.kind === 'closes-1d') expect(c.closes!.at - now).toBeLessThanOrEqual(DAY);
        }
        // A check while the call is open always leaves something sent for it.
        const open = moments.filter((t) => t >= SUMMER.opens!.at && t <= SUMMER.closes!.at);
        expect(log.some((l) => l.reminder.program === 'alpha')).toBe(open.length > 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('nextReminderAt', () => {
  it('is the next opening, 7-day or 1-day moment of a followed program', () => {
    expect(nextReminderAt([ALPHA], ['alpha'], at('2026-04-01T00:00:00Z'))).toBe(at('2026-05-01T00:00:00Z'));
    expect(nextReminderAt([ALPHA], ['alpha'], at('2026-05-01T00:00:00Z'))).toBe(SUMMER.closes!.at - 7 * DAY);
    expect(nextReminderAt([ALPHA], ['alpha'], SUMMER.closes!.at - 7 * DAY)).toBe(SUMMER.closes!.at - DAY);
    expect(nextReminderAt([ALPHA], ['alpha'], SUMMER.closes!.at - DAY)).toBeUndefined();
    expect(nextReminderAt([ALPHA], [], at('2026-04-01T00:00:00Z'))).toBeUndefined();
  });
});

describe('with the real data', () => {
  it('MATS Autumn 2026 (12 May – 7 Jun AoE): the three reminders on the right days', () => {
    const mats = dataset.programs.find((p) => p.id === 'mats')!;
    const autumn = mats.calls.find((c) => c.name === 'Autumn 2026')!;
    expect(autumn.opens && autumn.closes).toBeTruthy();
    const { log } = simulate(dataset.programs, ['mats'], hourly(at('2026-05-01T00:00:00Z'), at('2026-06-30T00:00:00Z')));
    expect(log.map((l) => [l.reminder.key, new Date(l.now).toISOString().slice(0, 13)])).toEqual([
      // 12 May 00:00 AoE (UTC-12) is 12:00 UTC; 7 Jun 23:59 AoE is 8 Jun 11:59 UTC.
      ['mats|Autumn 2026|opened', '2026-05-12T12'],
      ['mats|Autumn 2026|closes-7d', '2026-06-01T12'],
      ['mats|Autumn 2026|closes-1d', '2026-06-07T12'],
    ]);
  });
});
