/** The compare table's rows, filters, sort orders and query string; the popup's open-now list. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import dataset from 'virtual:dataset';
import {
  compareRows,
  DEFAULT_QUERY,
  openNow,
  queryFromSearch,
  queryToSearch,
  SORT_KEYS,
  sortRows,
  visibleRows,
  type CompareQuery,
} from '../../lib/compare';
import type { CompiledCall, CompiledProgram } from '../../lib/dataset/types';

// A fixed moment: 20 May 2026, when MATS Autumn 2026 is open (12 May – 7 Jun AoE).
const NOW = Date.parse('2026-05-20T12:00:00Z');
const rows = compareRows(dataset.programs, NOW);
const none = new Set<string>();
const ids = (q: Partial<CompareQuery>, followed = none) => visibleRows(rows, { ...DEFAULT_QUERY, ...q }, followed).map((r) => r.program.id);
const byId = new Map(dataset.programs.map((p) => [p.id, p]));

describe('filters', () => {
  it('"open now" keeps the open and rolling calls', () => {
    const open = ids({ status: 'open' });
    expect(open).toContain('mats');
    expect(open).toContain('chai-internship'); // rolling
    for (const id of open) expect(['open', 'rolling']).toContain(rows.find((r) => r.program.id === id)!.status.kind);
  });

  it('remote, open now, low mentor need: every row fits every filter', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(['any', 'open', 'upcoming', 'active'] as const)),
        fc.constantFrom(...(['any', 'remote', 'in-person'] as const)),
        fc.constantFrom(...(['any', 'low', 'medium', 'high'] as const)),
        (status, mode, need) => {
          const shown = ids({ status, mode, need });
          for (const id of shown) {
            const p = byId.get(id)!;
            if (mode === 'remote') expect(['online', 'online-or-in-person']).toContain(p.format.mode);
            if (mode === 'in-person') expect(['in-person', 'hybrid', 'online-or-in-person']).toContain(p.format.mode);
            if (need === 'low') expect(['low', 'none']).toContain(p.mentorship?.need);
            if (need === 'medium' || need === 'high') expect(p.mentorship?.need).toBe(need);
            if (status === 'active') expect(p.status.state).toBe('active');
          }
          // Nothing that fits is left out.
          const all = ids({});
          const fits = all.filter((id) => {
            const p = byId.get(id)!;
            const kind = rows.find((r) => r.program.id === id)!.status.kind;
            return (
              (status !== 'open' || kind === 'open' || kind === 'rolling') &&
              (status !== 'upcoming' || ['open', 'rolling', 'opening', 'announced'].includes(kind)) &&
              (status !== 'active' || p.status.state === 'active') &&
              (mode !== 'remote' || ['online', 'online-or-in-person'].includes(p.format.mode ?? '')) &&
              (mode !== 'in-person' || ['in-person', 'hybrid', 'online-or-in-person'].includes(p.format.mode ?? '')) &&
              (need !== 'low' || ['low', 'none'].includes(p.mentorship?.need ?? '')) &&
              (need === 'any' || need === 'low' || p.mentorship?.need === need)
            );
          });
          expect(new Set(shown)).toEqual(new Set(fits));
        },
      ),
    );
  });

  it('searches names, organisers, former names and places, every word', () => {
    expect(ids({ q: 'serimats' })).toEqual([]);
    expect(ids({ q: 'SERI ML' })).toContain('mats');
    expect(ids({ q: 'berkeley mats' })).toEqual(['mats']);
    expect(ids({ q: 'pibbss' })).toEqual(['pibbss']);
  });

  it('followed only', () => {
    expect(ids({ followedOnly: true }, new Set(['spar', 'mats']))).toEqual(['mats', 'spar']);
    expect(ids({ followedOnly: true })).toEqual([]);
  });
});

describe('sorting', () => {
  it('by status: open first (nearest deadline first), discontinued last', () => {
    const sorted = visibleRows(rows, DEFAULT_QUERY, none);
    expect(sorted[0]!.program.id).toBe('mats');
    expect(sorted.at(-1)!.status.kind).toBe('discontinued');
  });

  it('every key, both directions: a total order with unknown values last', () => {
    for (const key of SORT_KEYS) {
      const asc = sortRows(rows, key, 'asc').map((r) => r.program.id);
      const desc = sortRows(rows, key, 'desc').map((r) => r.program.id);
      expect(new Set(asc)).toEqual(new Set(rows.map((r) => r.program.id)));
      expect(asc.length).toBe(desc.length);
    }
    const ratioAsc = sortRows(rows, 'ratio', 'asc');
    const ratioDesc = sortRows(rows, 'ratio', 'desc');
    expect(ratioAsc.slice(0, 2).map((r) => r.program.id)).toEqual(['mats', 'spar']);
    expect(ratioDesc.slice(0, 2).map((r) => r.program.id)).toEqual(['spar', 'mats']);
    expect(ratioAsc.at(-1)!.ratio).toBeUndefined();
    expect(ratioDesc.at(-1)!.ratio).toBeUndefined();
    const need = sortRows(rows, 'mentorship', 'asc').map((r) => r.program.mentorship?.need);
    const known = need.filter(Boolean);
    expect(known[0]).toBe('none');
    expect(known.at(-1)).toBe('high');
    expect(need.indexOf(undefined)).toBe(known.length);
  });

  it('by next deadline: the soonest first, none known last', () => {
    const sorted = sortRows(rows, 'deadline', 'asc');
    expect(sorted[0]!.program.id).toBe('mats');
    expect(sorted[0]!.deadline!.name).toBe('Autumn 2026');
    expect(sorted.filter((r) => r.deadline).length).toBe(1);
  });
});

describe('the query string', () => {
  it('round-trips any query, and leaves the defaults out', () => {
    expect(queryToSearch(DEFAULT_QUERY)).toBe('');
    expect(queryFromSearch('')).toEqual(DEFAULT_QUERY);
    expect(queryToSearch({ ...DEFAULT_QUERY, mode: 'remote', status: 'open', need: 'low' })).toBe('?status=open&mode=remote&need=low');
    const query = fc.record({
      q: fc.string({ maxLength: 20 }).map((s) => s.trim()),
      status: fc.constantFrom('any', 'open', 'upcoming', 'active'),
      mode: fc.constantFrom('any', 'remote', 'in-person'),
      need: fc.constantFrom('any', 'low', 'medium', 'high'),
      followedOnly: fc.boolean(),
      sort: fc.constantFrom(...SORT_KEYS),
      dir: fc.constantFrom('asc', 'desc'),
    }) as fc.Arbitrary<CompareQuery>;
    fc.assert(
      fc.property(query, (q) => {
        expect(queryFromSearch(queryToSearch(q))).toEqual(q);
      }),
    );
  });

  it('ignores values it does not know', () => {
    expect(queryFromSearch('?status=closed&mode=moon&need=42&sort=evil&dir=up&followed=yes')).toEqual(DEFAULT_QUERY);
  });
});

describe('openNow (the popup)', () => {
  const call = (name: string, opens?: string, closes?: string, state: CompiledCall['state'] = 'dated'): CompiledCall => {
    const c: CompiledCall = { name, for: 'participants', state, timezone: 'UTC', timezoneStated: true, sources: [] };
    if (opens) c.opens = { local: opens, precision: 'day', at: Date.parse(`${opens}T00:00:00Z`) };
    if (closes) c.closes = { local: closes, precision: 'day', at: Date.parse(`${closes}T23:59:59Z`) };
    return c;
  };
  const p = (id: string, calls: CompiledCall[]): CompiledProgram => ({
    id,
    name: id,
    shortName: id.toUpperCase(),
    organiser: { name: 'x' },
    url: 'https://example.org/',
    previousNames: [],
    status: { state: 'active' },
    format: {},
    calls,
    verified: '2026-01-01',
    sources: [],
    file: '',
  });

  it('open ones by deadline (rolling after), then those opening within 90 days by opening date', () => {
    const programs = [
      p('late', [call('r', '2026-05-01', '2026-06-30')]),
      p('soon', [call('r', '2026-05-01', '2026-05-25')]),
      p('rolling', [call('r', undefined, undefined, 'rolling')]),
      p('opens-july', [call('r', '2026-07-01', '2026-07-31')]),
      p('opens-june', [call('r', '2026-06-10', '2026-07-10')]),
      p('opens-next-year', [call('r', '2027-03-01', '2027-03-31')]),
      p('closed', [call('r', '2026-01-01', '2026-02-01')]),
    ];
    const got = openNow(programs, NOW);
    expect(got.open.map((x) => x.program.id)).toEqual(['soon', 'late', 'rolling']);
    expect(got.opening.map((x) => x.program.id)).toEqual(['opens-june', 'opens-july']);
  });
});
