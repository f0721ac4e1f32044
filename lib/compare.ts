/**
 * The compare page's table and the popup's "open now / opening soon" list, as pure functions of
 * the data and a moment: rows, filters, sort orders, and the query string that holds them (so a
 * filtered view can be bookmarked: `compare.html?mode=remote&status=open&need=low`).
 */
import { callStatus, type CallStatus, type CallStatusKind } from './calls';
import type { CompiledCall, CompiledProgram } from './dataset/types';
import { menteesPerMentor } from './describe';
import type { MentorNeedId, ModeId } from './vocab';

export type StatusFilter = 'any' | 'open' | 'upcoming' | 'active';
export type ModeFilter = 'any' | 'remote' | 'in-person';
export type NeedFilter = 'any' | 'low' | 'medium' | 'high';
export type SortKey = 'program' | 'mentorship' | 'ratio' | 'format' | 'status' | 'deadline';
export type SortDir = 'asc' | 'desc';

export interface CompareQuery {
  q: string;
  status: StatusFilter;
  mode: ModeFilter;
  need: NeedFilter;
  followedOnly: boolean;
  sort: SortKey;
  dir: SortDir;
}

export const DEFAULT_QUERY: Readonly<CompareQuery> = Object.freeze({
  q: '',
  status: 'any',
  mode: 'any',
  need: 'any',
  followedOnly: false,
  sort: 'status',
  dir: 'asc',
});

export const STATUS_FILTERS: Record<StatusFilter, string> = {
  any: 'Any',
  open: 'Open now',
  upcoming: 'Open or opening',
  active: 'Active programs',
};
export const MODE_FILTERS: Record<ModeFilter, string> = {
  any: 'Any',
  remote: 'Remote possible',
  'in-person': 'In person',
};
export const NEED_FILTERS: Record<NeedFilter, string> = {
  any: 'Any',
  low: 'Low or none',
  medium: 'Medium',
  high: 'High',
};
export const SORT_KEYS: SortKey[] = ['program', 'mentorship', 'ratio', 'format', 'status', 'deadline'];

export interface CompareRow {
  program: CompiledProgram;
  status: CallStatus;
  /** The next deadline not yet passed, of a call for participants. */
  deadline?: CompiledCall;
  /** Mentees per mentor in the latest round that reports both counts. */
  ratio?: number;
}

const STATUS_ORDER: CallStatusKind[] = ['open', 'rolling', 'opening', 'announced', 'closed', 'none', 'paused', 'discontinued'];
const NEED_ORDER: MentorNeedId[] = ['none', 'low', 'medium', 'high'];
const REMOTE: ModeId[] = ['online', 'online-or-in-person'];
const IN_PERSON: ModeId[] = ['in-person', 'hybrid', 'online-or-in-person'];

export function nextDeadline(p: CompiledProgram, now: number): CompiledCall | undefined {
  return p.calls
    .filter((c) => c.for === 'participants' && c.closes && c.closes.at >= now)
    .sort((a, b) => a.closes!.at - b.closes!.at)[0];
}

export function compareRows(programs: readonly CompiledProgram[], now: number): CompareRow[] {
  return programs.map((program) => {
    const row: CompareRow = { program, status: callStatus(program, now) };
    const deadline = nextDeadline(program, now);
    if (deadline) row.deadline = deadline;
    const ratio = menteesPerMentor(program);
    if (ratio !== undefined) row.ratio = ratio;
    return row;
  });
}

function haystack(p: CompiledProgram): string {
  return [p.name, p.shortName, p.organiser.name, ...p.previousNames, p.audience, p.summary, p.format.location]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}

export function matchesQuery(row: CompareRow, query: CompareQuery, followed: ReadonlySet<string>): boolean {
  const p = row.program;
  if (query.followedOnly && !followed.has(p.id)) return false;
  const kind = row.status.kind;
  if (query.status === 'open' && kind !== 'open' && kind !== 'rolling') return false;
  if (query.status === 'upcoming' && !['open', 'rolling', 'opening', 'announced'].includes(kind)) return false;
  if (query.status === 'active' && p.status.state !== 'active') return false;
  const mode = p.format.mode;
  if (query.mode === 'remote' && !(mode && REMOTE.includes(mode))) return false;
  if (query.mode === 'in-person' && !(mode && IN_PERSON.includes(mode))) return false;
  const need = p.mentorship?.need;
  if (query.need === 'low' && need !== 'low' && need !== 'none') return false;
  if ((query.need === 'medium' || query.need === 'high') && need !== query.need) return false;
  const words = query.q.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    const text = haystack(p);
    if (!words.every((w) => text.includes(w))) return false;
  }
  return true;
}

/** A sort key's value for a row; undefined sorts last in either direction. */
function sortValue(row: CompareRow, key: SortKey): string | number | undefined {
  const p = row.program;
  switch (key) {
    case 'program':
      return p.shortName.toLowerCase();
    case 'mentorship':
      return p.mentorship ? NEED_ORDER.indexOf(p.mentorship.need) : undefined;
    case 'ratio':
      return row.ratio;
    case 'format':
      return p.format.mode;
    case 'status':
      return STATUS_ORDER.indexOf(row.status.kind);
    case 'deadline':
      return row.deadline?.closes?.at;
  }
}

function cmp(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

export function sortRows(rows: readonly CompareRow[], key: SortKey, dir: SortDir): CompareRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const byName = (a: CompareRow, b: CompareRow) => a.program.shortName.localeCompare(b.program.shortName);
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === undefined || vb === undefined) {
      if (va !== vb) return va === undefined ? 1 : -1;
      return byName(a, b);
    }
    const c = cmp(va, vb);
    if (c !== 0) return sign * c;
    // Same status: the nearer deadline first, whatever the direction.
    if (key === 'status') {
      const da = a.status.sortAt ?? Number.MAX_SAFE_INTEGER;
      const db = b.status.sortAt ?? Number.MAX_SAFE_INTEGER;
      if (da !== db) return da - db;
    }
    return byName(a, b);
  });
}

export function visibleRows(rows: readonly CompareRow[], query: CompareQuery, followed: ReadonlySet<string>): CompareRow[] {
  return sortRows(rows.filter((r) => matchesQuery(r, query, followed)), query.sort, query.dir);
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function queryFromSearch(search: string): CompareQuery {
  const p = new URLSearchParams(search);
  return {
    q: (p.get('q') ?? '').slice(0, 200),
    status: oneOf(p.get('status'), Object.keys(STATUS_FILTERS) as StatusFilter[], DEFAULT_QUERY.status),
    mode: oneOf(p.get('mode'), Object.keys(MODE_FILTERS) as ModeFilter[], DEFAULT_QUERY.mode),
    need: oneOf(p.get('need'), Object.keys(NEED_FILTERS) as NeedFilter[], DEFAULT_QUERY.need),
    followedOnly: p.get('followed') === '1',
    sort: oneOf(p.get('sort'), SORT_KEYS, DEFAULT_QUERY.sort),
    dir: oneOf(p.get('dir'), ['asc', 'desc'] as const, DEFAULT_QUERY.dir),
  };
}

/** The query string for a query: only what differs from the defaults ("" for the defaults). */
export function queryToSearch(query: CompareQuery): string {
  const p = new URLSearchParams();
  if (query.q.trim()) p.set('q', query.q.trim());
  if (query.status !== DEFAULT_QUERY.status) p.set('status', query.status);
  if (query.mode !== DEFAULT_QUERY.mode) p.set('mode', query.mode);
  if (query.need !== DEFAULT_QUERY.need) p.set('need', query.need);
  if (query.followedOnly) p.set('followed', '1');
  if (query.sort !== DEFAULT_QUERY.sort || query.dir !== DEFAULT_QUERY.dir) {
    p.set('sort', query.sort);
    p.set('dir', query.dir);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** How far ahead the popup lists calls about to open. */
export const OPENING_SOON_MS = 90 * 24 * 60 * 60 * 1000;

export interface OpenNow {
  open: { program: CompiledProgram; status: CallStatus }[];
  opening: { program: CompiledProgram; status: CallStatus }[];
}

/**
 * Across the whole dataset: programs open now (nearest deadline first; rolling ones without a
 * deadline after them) and programs whose call opens within OPENING_SOON_MS (soonest first).
 */
export function openNow(programs: readonly CompiledProgram[], now: number): OpenNow {
  const out: OpenNow = { open: [], opening: [] };
  for (const program of programs) {
    const status = callStatus(program, now);
    if (status.kind === 'open' || status.kind === 'rolling') out.open.push({ program, status });
    else if (status.kind === 'opening' && status.sortAt !== undefined && status.sortAt - now <= OPENING_SOON_MS) {
      out.opening.push({ program, status });
    }
  }
  const by = (a: { status: CallStatus; program: CompiledProgram }, b: { status: CallStatus; program: CompiledProgram }) =>
    (a.status.sortAt ?? Number.MAX_SAFE_INTEGER) - (b.status.sortAt ?? Number.MAX_SAFE_INTEGER) ||
    a.program.shortName.localeCompare(b.program.shortName);
  out.open.sort(by);
  out.opening.sort(by);
  return out;
}
