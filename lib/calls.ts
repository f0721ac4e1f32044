/**
 * The live status of a program's calls at a given moment: "open, closes in 5 days", "opens 12 Jan",
 * "closed 7 Jun", "rolling", "no call known", "discontinued in 2022". Pure: `now` is passed in.
 */
import { formatLocalDate, formatSpan, yearOf } from './dates';
import type { CompiledCall, CompiledProgram } from './dataset/types';

export type CallStatusKind = 'open' | 'rolling' | 'opening' | 'announced' | 'closed' | 'none' | 'discontinued' | 'paused';

export interface CallStatus {
  kind: CallStatusKind;
  /** One short line for the card: "Open, closes in 5 days (7 Jun, AoE)". */
  text: string;
  /** The call the status is about, if any. */
  call?: CompiledCall;
  /** For sorting "open now / opening soon": the next relevant instant (closing or opening). */
  sortAt?: number;
}

function zoneLabel(call: CompiledCall): string {
  return call.timezoneStated ? `, ${call.timezone}` : '';
}

function closingText(call: CompiledCall, now: number): string {
  const closes = call.closes!;
  const date = formatLocalDate(closes.local, yearOf(now));
  const left = closes.at - now;
  return `Open, closes in ${formatSpan(left)} (${date}${zoneLabel(call)})`;
}

function openingText(call: CompiledCall, now: number): string {
  const opens = call.opens!;
  const date = formatLocalDate(opens.local, yearOf(now));
  return opens.precision === 'day' || opens.precision === 'minute' ? `Opens ${date}` : `Opens in ${date}`;
}

/** Calls for participants (mentor and project-lead calls are shown, not summarised). */
function participantCalls(p: CompiledProgram): CompiledCall[] {
  return p.calls.filter((c) => c.for === 'participants');
}

export function callStatus(p: CompiledProgram, now: number, calls: CompiledCall[] = participantCalls(p)): CallStatus {
  if (p.status.state === 'discontinued') {
    return {
      kind: 'discontinued',
      text: p.status.since ? `Discontinued in ${formatLocalDate(p.status.since)}` : 'Discontinued',
    };
  }

  // A published deadline with no opening date counts as open until it passes: organisers announce
  // deadlines when the call is out.
  const current = calls
    .filter((c) => c.state === 'dated' && c.closes && (!c.opens || c.opens.at <= now) && now <= c.closes.at)
    .sort((a, b) => a.closes!.at - b.closes!.at)[0];
  if (current) return { kind: 'open', text: closingText(current, now), call: current, sortAt: current.closes!.at };

  const rolling = calls.find((c) => c.state === 'rolling' && (!c.closes || now <= c.closes.at) && (!c.opens || c.opens.at <= now));
  if (rolling) {
    return {
      kind: 'rolling',
      text: rolling.closes ? `Rolling applications until ${formatLocalDate(rolling.closes.local, yearOf(now))}` : 'Rolling applications',
      call: rolling,
      sortAt: rolling.closes?.at ?? Number.MAX_SAFE_INTEGER,
    };
  }

  const opening = calls
    .filter((c) => c.state !== 'rolling' && c.opens && c.opens.at > now)
    .sort((a, b) => a.opens!.at - b.opens!.at)[0];
  if (opening) return { kind: 'opening', text: openingText(opening, now), call: opening, sortAt: opening.opens!.at };

  const announced = calls.find((c) => c.state === 'announced');
  if (announced) return { kind: 'announced', text: `Next round announced (${announced.name}), not yet open`, call: announced };

  if (p.status.state === 'paused') {
    return { kind: 'paused', text: p.status.since ? `Paused since ${formatLocalDate(p.status.since)}` : 'Paused' };
  }

  const closed = calls
    .filter((c) => c.closes && c.closes.at < now)
    .sort((a, b) => b.closes!.at - a.closes!.at)[0];
  if (closed) {
    return {
      kind: 'closed',
      text: `Closed; last deadline ${formatLocalDate(closed.closes!.local, yearOf(now))} (${closed.name})`,
      call: closed,
    };
  }
  return { kind: 'none', text: 'No open call known' };
}

/** "28 Sep – 4 Dec 2026": the dates a round runs, as precise as the data is. */
export function formatRunDates(call: CompiledCall, now: number): string | undefined {
  const y = yearOf(now);
  if (call.starts && call.ends) return `${formatLocalDate(call.starts, y)} – ${formatLocalDate(call.ends, y)}`;
  if (call.starts) return `from ${formatLocalDate(call.starts, y)}`;
  return undefined;
}
