/**
 * Dates as organisers write them ("closes 7 June, AoE"), turned into instants, and instants turned
 * back into short English phrases. Pure: no DOM, no clock (callers pass `now`).
 */

export type Precision = 'year' | 'month' | 'day' | 'minute';

export interface LocalDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
  hour: number;
  minute: number;
  precision: Precision;
}

const LOCAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?: (\d{2}):(\d{2}))?)?)?$/;

/** Parses `2026`, `2026-06`, `2026-06-07` or `2026-06-07 23:59`. Throws on anything else. */
export function parseLocalDate(text: string): LocalDate {
  const m = LOCAL_DATE.exec(text);
  if (!m) throw new Error(`not a date: ${JSON.stringify(text)}`);
  const precision: Precision = m[4] ? 'minute' : m[3] ? 'day' : m[2] ? 'month' : 'year';
  return {
    year: +m[1]!,
    month: m[2] ? +m[2] : 1,
    day: m[3] ? +m[3] : 1,
    hour: m[4] ? +m[4] : 0,
    minute: m[5] ? +m[5] : 0,
    precision,
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of `timeZone` from UTC at the instant `epochMs`, in ms (UTC+1 → +3 600 000). */
export function timeZoneOffset(epochMs: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  if (timeZone === 'AoE') return -12 * HOUR;
  let fmt = offsetFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, fmt);
  }
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(epochMs))) if (p.type !== 'literal') parts[p.type] = +p.value;
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The instant at which the wall-clock time `local` happens in `timeZone`. */
export function wallClockToEpoch(
  local: Pick<LocalDate, 'year' | 'month' | 'day' | 'hour' | 'minute'>,
  timeZone: string,
): number {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // Two passes settle the offset across a daylight-saving change.
  let guess = asUtc - timeZoneOffset(asUtc, timeZone);
  guess = asUtc - timeZoneOffset(guess, timeZone);
  return guess;
}

/** First instant of the period a local date names (`2026-06` → 1 June 00:00 in the zone). */
export function startOf(local: LocalDate, timeZone: string): number {
  return wallClockToEpoch(local, timeZone);
}

/**
 * Last instant of the period a local date names, for deadlines: `2026-06-07` closes at the end of
 * 7 June in the zone; `2026-06` at the end of June; `2026-06-07 17:00` just before 17:00
 * ("by 17:00"), except `23:59`, which people write to mean the end of the day.
 */
export function endOf(local: LocalDate, timeZone: string): number {
  const { year, month, day, hour, minute } = local;
  switch (local.precision) {
    case 'minute':
      if (hour === 23 && minute === 59) return endOf({ ...local, precision: 'day' }, timeZone);
      return wallClockToEpoch({ year, month, day, hour, minute }, timeZone) - 1;
    case 'day':
      return wallClockToEpoch({ year, month, day: day + 1, hour: 0, minute: 0 }, timeZone) - 1;
    case 'month':
      return wallClockToEpoch({ year, month: month + 1, day: 1, hour: 0, minute: 0 }, timeZone) - 1;
    case 'year':
      return wallClockToEpoch({ year: year + 1, month: 1, day: 1, hour: 0, minute: 0 }, timeZone) - 1;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** The calendar year of an instant, as seen in UTC (close enough to say "this year"). */
export function yearOf(epochMs: number): number {
  return new Date(epochMs).getUTCFullYear();
}

/**
 * "7 Jun", "7 Jun 2027", "in March", "in March 2027", "in 2027": the local date as the organiser
 * wrote it, with the year only when it differs from `currentYear`.
 */
export function formatLocalDate(text: string, currentYear?: number): string {
  const d = parseLocalDate(text);
  const year = d.year === currentYear ? '' : ` ${d.year}`;
  switch (d.precision) {
    case 'year':
      return `${d.year}`;
    case 'month':
      return `${MONTHS_LONG[d.month - 1]}${year}`;
    case 'day':
      return `${d.day} ${MONTHS[d.month - 1]}${year}`;
    case 'minute':
      return `${d.day} ${MONTHS[d.month - 1]}${year}, ${String(d.hour).padStart(2, '0')}:${String(d.minute).padStart(2, '0')}`;
  }
}

/** "5 days", "1 day", "3 hours", "less than an hour": a span, rounded the way people read it. */
export function formatSpan(ms: number): string {
  if (ms < HOUR) return 'less than an hour';
  if (ms < DAY) {
    const h = Math.floor(ms / HOUR);
    return h === 1 ? '1 hour' : `${h} hours`;
  }
  const d = Math.floor(ms / DAY);
  return d === 1 ? '1 day' : `${d} days`;
}
