/**
 * Reader-facing phrases built from program data, shared by the card, the popup and the compare
 * page. Pure.
 */
import { callStatus, formatRunDates, type CallStatus } from './calls';
import { formatLocalDate, yearOf } from './dates';
import type { CompiledCall, CompiledProgram } from './dataset/types';
import { MENTOR_NEED_LABELS, MENTORSHIP_MODEL_LABELS, MODE_LABELS } from './vocab';

export const NOT_STATED = 'not stated';

export function modelLabel(p: CompiledProgram): string {
  if (!p.mentorship) return `Mentorship model ${NOT_STATED}`;
  return `${MENTORSHIP_MODEL_LABELS[p.mentorship.model]} · ${MENTOR_NEED_LABELS[p.mentorship.need]}`;
}

/** "In person · Berkeley, CA · 10 weeks · 40 h/week" (only what is known). */
export function formatLine(p: CompiledProgram): string {
  const f = p.format;
  const parts = [f.mode && MODE_LABELS[f.mode], f.location, f.length, f.hours].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : NOT_STATED;
}

export function stipendLine(p: CompiledProgram): string {
  return p.format.stipend ?? NOT_STATED;
}

/** Mentees per mentor in a round, where both counts are known: "120 participants, 100 mentors (1.2 per mentor)". */
export function ratioLine(call: CompiledCall): string | undefined {
  const { participants, mentors } = call;
  if (participants && mentors) {
    const ratio = participants / mentors;
    return `${participants} participants, ${mentors} mentors (${ratio.toFixed(ratio < 10 ? 1 : 0)} per mentor)`;
  }
  if (participants) return `${participants} participants`;
  if (mentors) return `${mentors} mentors`;
  return undefined;
}

/** Mentees per mentor from the most recent round that reports both. */
export function menteesPerMentor(p: CompiledProgram): number | undefined {
  const c = p.calls.find((call) => call.participants && call.mentors);
  return c ? c.participants! / c.mentors! : undefined;
}

export interface CallLine {
  name: string;
  audience?: string;
  applications?: string;
  runs?: string;
  ratio?: string;
  call: CompiledCall;
}

function applicationsText(call: CompiledCall, now: number): string | undefined {
  const y = yearOf(now);
  const zone = call.timezoneStated ? ` ${call.timezone}` : '';
  if (call.state === 'rolling') return 'rolling';
  if (call.state === 'announced' && !call.opens) return 'announced, not yet open';
  if (call.opens && call.closes) return `${formatLocalDate(call.opens.local, y)} – ${formatLocalDate(call.closes.local, y)}${zone}`;
  if (call.closes) return `close ${formatLocalDate(call.closes.local, y)}${zone}`;
  if (call.opens) return `open ${call.opens.precision === 'day' ? '' : 'in '}${formatLocalDate(call.opens.local, y)}`;
  return undefined;
}

/** The rounds worth showing on a card: the status call first, then the most recent others. */
export function callLines(p: CompiledProgram, now: number, status: CallStatus = callStatus(p, now), limit = 2): CallLine[] {
  const ordered = status.call ? [status.call, ...p.calls.filter((c) => c !== status.call)] : p.calls;
  return ordered.slice(0, limit).map((call) => ({
    name: call.name,
    audience: call.for === 'participants' ? undefined : call.for === 'mentors' ? 'for mentors' : 'for project leads',
    applications: applicationsText(call, now),
    runs: formatRunDates(call, now),
    ratio: ratioLine(call),
    call,
  }));
}


/** "Suggest a correction": the program's data file, opened for editing in the repository. */
export function correctionUrl(repository: string, p: CompiledProgram): string {
  return `${repository}/edit/main/${p.file}`;
}
