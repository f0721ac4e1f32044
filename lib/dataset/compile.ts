/**
 * Validated program files → the compiled dataset the extension ships (plain data, dates as
 * instants, the matcher built). Pure; runs at build time.
 */
import { endOf, parseLocalDate, startOf } from '../dates';
import { buildMatcher } from '../match/build';
import type { CallData, Program } from '../schema';
import type { ProgramFile } from './check';
import type { CompiledCall, CompiledDataset, CompiledDate, CompiledProgram } from './types';

function compileDate(local: string | undefined, tz: string, edge: 'start' | 'end'): CompiledDate | undefined {
  if (!local) return undefined;
  const d = parseLocalDate(local);
  return { local, precision: d.precision, at: edge === 'start' ? startOf(d, tz) : endOf(d, tz) };
}

function compileCall(call: CallData): CompiledCall {
  const timezone = call.timezone ?? 'AoE';
  const out: CompiledCall = {
    name: call.name,
    for: call.for,
    state: call.state,
    timezone,
    timezoneStated: !!call.timezone,
    sources: [call.source].flat(),
  };
  const opens = compileDate(call.opens, timezone, 'start');
  const closes = compileDate(call.closes, timezone, 'end');
  if (opens) out.opens = opens;
  if (closes) out.closes = closes;
  for (const key of ['starts', 'ends', 'participants', 'mentors', 'location', 'stipend', 'note'] as const) {
    if (call[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = call[key];
  }
  if (call.apply_url) out.applyUrl = call.apply_url;
  return out;
}

/** Sort key of a call: its latest known date. */
function callTime(c: CompiledCall): number {
  return c.closes?.at ?? c.opens?.at ?? (c.starts ? startOf(parseLocalDate(c.starts), c.timezone) : -Infinity);
}

function sourcesOf(p: Program): string[] {
  const refs = [
    p.organiser.source,
    p.status.source,
    p.mentorship?.source,
    p.audience?.source,
    p.format?.source,
    ...p.previous_names.map((n) => n.source),
    ...p.calls.map((c) => c.source),
  ];
  return [...new Set(refs.flat().filter((u): u is string => !!u))];
}

function stripUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

export function compileProgram(file: string, p: Program): CompiledProgram {
  return stripUndefined({
    id: p.id,
    name: p.name,
    shortName: p.short_name,
    summary: p.summary,
    organiser: stripUndefined({ name: p.organiser.name, note: p.organiser.note, url: p.organiser.url }),
    url: p.url,
    previousNames: p.previous_names.map((n) => n.name),
    status: stripUndefined({ state: p.status.state, since: p.status.since, note: p.status.note }),
    mentorship: p.mentorship
      ? stripUndefined({
          model: p.mentorship.model,
          need: p.mentorship.mentor_need,
          how: p.mentorship.how,
          mentorTime: p.mentorship.mentor_time,
        })
      : undefined,
    audience: p.audience?.summary,
    format: stripUndefined({
      mode: p.format?.mode,
      location: p.format?.location,
      length: p.format?.length,
      hours: p.format?.hours,
      stipend: p.format?.stipend,
    }),
    calls: p.calls.map(compileCall).sort((a, b) => callTime(b) - callTime(a)),
    verified: p.verified,
    sources: sourcesOf(p),
    file,
  });
}

export function compileDataset(files: ProgramFile[], repository: string): CompiledDataset {
  const sorted = [...files].sort((a, b) => a.program.id.localeCompare(b.program.id));
  return {
    programs: sorted.map((f) => compileProgram(f.file, f.program)),
    matcher: buildMatcher(
      sorted.map(({ program: p }) => ({ id: p.id, aliases: p.aliases, context: p.context, veto: p.veto })),
    ),
    repository,
  };
}
