/**
 * Reminders for followed programs: which are due at a moment, given the data, the followed ids
 * and the reminders already sent. Pure (the clock is passed in); the background does the rest
 * (alarms, notifications, remembering what was sent).
 *
 * For each call for participants (the calls the card's status is about) of a followed program:
 * - `opened`: the call is open (from its opening date, or, when only a deadline is known, until
 *   that deadline; a call with an opening date and no deadline counts as newly open for a week);
 * - `closes-7d`: 7 days or less before the deadline;
 * - `closes-1d`: 1 day or less before the deadline.
 * Only the most urgent reminder that applies is sent; the less urgent ones that also apply are
 * marked as done without a notification (no "closes in 7 days" after "closes tomorrow", no
 * "applications are open" next to "closes in 6 days"). A call with no dates gets nothing, and
 * nothing is sent once the deadline has passed. Each reminder has a key (program, call, kind):
 * a key that was sent is never sent again.
 */
import { formatLocalDate, formatSpan, yearOf } from './dates';
import type { CompiledCall, CompiledProgram } from './dataset/types';

export type ReminderKind = 'opened' | 'closes-7d' | 'closes-1d';

const DAY = 24 * 60 * 60 * 1000;
/** How long a call with an opening date but no deadline counts as newly open. */
export const FRESHLY_OPEN_MS = 7 * DAY;
/** Least urgent first. */
const KINDS: { kind: ReminderKind; before?: number }[] = [
  { kind: 'opened' },
  { kind: 'closes-7d', before: 7 * DAY },
  { kind: 'closes-1d', before: 1 * DAY },
];

export interface Reminder {
  key: string;
  program: string;
  call: string;
  kind: ReminderKind;
  title: string;
  message: string;
}

export interface DueReminders {
  /** To notify now (at most one per call). */
  notify: Reminder[];
  /** Keys to record as done without a notification (overtaken by a more urgent one). */
  superseded: string[];
}

export function reminderKey(program: string, call: string, kind: ReminderKind): string {
  return `${program}|${call}|${kind}`;
}

function remindable(p: CompiledProgram): CompiledCall[] {
  if (p.status.state === 'discontinued') return [];
  return p.calls.filter((c) => c.for === 'participants' && (c.opens || c.closes));
}

/** The kinds that apply to `call` at `now`, least urgent first. */
function applicable(call: CompiledCall, now: number): ReminderKind[] {
  const opens = call.opens?.at;
  const closes = call.closes?.at;
  if (opens !== undefined && now < opens) return [];
  if (closes === undefined) {
    return opens !== undefined && now <= opens + FRESHLY_OPEN_MS ? ['opened'] : [];
  }
  if (now > closes) return [];
  return KINDS.filter((k) => k.before === undefined || now >= closes - k.before).map((k) => k.kind);
}

function zone(call: CompiledCall): string {
  return call.timezoneStated ? `, ${call.timezone}` : '';
}

function describe(p: CompiledProgram, call: CompiledCall, kind: ReminderKind, now: number): { title: string; message: string } {
  const y = yearOf(now);
  const deadline = call.closes && `${formatLocalDate(call.closes.local, y)}${zone(call)}`;
  if (kind === 'opened') {
    return {
      title: `${p.shortName}: applications are open`,
      message: deadline
        ? `${call.name}. Deadline ${deadline} (in ${formatSpan(call.closes!.at - now)}).`
        : `${call.name}. Opened ${formatLocalDate(call.opens!.local, y)}.`,
    };
  }
  return {
    title: `${p.shortName}: applications close in ${formatSpan(call.closes!.at - now)}`,
    message: `${call.name}. Deadline ${deadline}.`,
  };
}

/** The reminders due at `now`. */
export function dueReminders(
  programs: readonly CompiledProgram[],
  followed: readonly string[],
  sent: ReadonlySet<string>,
  now: number,
): DueReminders {
  const out: DueReminders = { notify: [], superseded: [] };
  const follow = new Set(followed);
  for (const p of programs) {
    if (!follow.has(p.id)) continue;
    for (const call of remindable(p)) {
      const kinds = applicable(call, now);
      const urgent = kinds.at(-1);
      if (!urgent) continue;
      const key = reminderKey(p.id, call.name, urgent);
      if (!sent.has(key)) out.notify.push({ key, program: p.id, call: call.name, kind: urgent, ...describe(p, call, urgent, now) });
      for (const kind of kinds.slice(0, -1)) {
        const k = reminderKey(p.id, call.name, kind);
        if (!sent.has(k)) out.superseded.push(k);
      }
    }
  }
  return out;
}

/**
 * The next moment after `now` when a reminder may become due for the followed programs (a call
 * opens, or is 7 days or 1 day from its deadline); undefined when none is ahead.
 */
export function nextReminderAt(programs: readonly CompiledProgram[], followed: readonly string[], now: number): number | undefined {
  const follow = new Set(followed);
  let next: number | undefined;
  for (const p of programs) {
    if (!follow.has(p.id)) continue;
    for (const call of remindable(p)) {
      const closes = call.closes?.at;
      const moments = [call.opens?.at, ...KINDS.map((k) => (k.before !== undefined && closes !== undefined ? closes - k.before : undefined))];
      for (const t of moments) if (t !== undefined && t > now && (next === undefined || t < next)) next = t;
    }
  }
  return next;
}
