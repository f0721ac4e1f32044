/**
 * Checks across the validated program files that a schema of one file cannot express: unique ids,
 * aliases claimed twice, date order, `verified` dates. Pure: the caller passes the files and `now`.
 */
import { endOf, parseLocalDate, startOf, DAY } from '../dates';
import { normaliseSpelling } from '../match/build';
import type { Program } from '../schema';

export interface Problem {
  file: string;
  /** Field path as contributors read it: `calls[2].closes`. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
  line?: number;
}

export interface ProgramFile {
  file: string;
  program: Program;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export const STALE_AFTER_DAYS = 180;

function aliasText(a: Program['aliases'][number]): { text: string; folded: boolean; sharedWith: string[] } {
  return typeof a === 'string'
    ? { text: a, folded: false, sharedWith: [] }
    : { text: a.text, folded: a.case === 'insensitive', sharedWith: a.shared_with ?? [] };
}

export function checkPrograms(files: ProgramFile[], now: number): Problem[] {
  const problems: Problem[] = [];
  const error = (file: string, path: string, message: string) =>
    problems.push({ file, path, message, severity: 'error' });
  const warn = (file: string, path: string, message: string) =>
    problems.push({ file, path, message, severity: 'warning' });

  // Ids: unique, and the file is named after its program.
  const byId = new Map<string, string>();
  for (const { file, program } of files) {
    const base = file.replace(/^.*\//, '').replace(/\.(ya?ml|json)$/, '');
    if (base !== program.id) error(file, 'id', `must equal the file name: expected "${base}", got "${program.id}"`);
    const other = byId.get(program.id);
    if (other) error(file, 'id', `"${program.id}" is already the id of ${other}`);
    else byId.set(program.id, file);
  }

  // Aliases: one program per spelling, unless both sides declare the sharing. Two aliases clash
  // when they can match the same text: the same spelling, or the same letters where either one
  // ignores case.
  interface Claim { file: string; id: string; index: number; text: string; key: string; folded: boolean; sharedWith: string[] }
  const claims: Claim[] = [];
  for (const { file, program } of files) {
    program.aliases.forEach((a, index) => {
      const { text, folded, sharedWith } = aliasText(a);
      const key = normaliseSpelling(text);
      for (const s of sharedWith) {
        if (!byId.has(s)) error(file, `aliases[${index}].shared_with`, `no program has the id "${s}"`);
      }
      claims.push({ file, id: program.id, index, text, key, folded, sharedWith });
    });
  }
  const byLower = new Map<string, Claim[]>();
  for (const c of claims) {
    const k = c.key.toLowerCase();
    byLower.set(k, [...(byLower.get(k) ?? []), c]);
  }
  const clash = (a: Claim, b: Claim) => a.key === b.key || a.folded || b.folded;
  for (const group of byLower.values()) {
    for (let i = 0; i < group.length; i++) {
      const c = group[i]!;
      // Within one program, an exact spelling next to a case-blind one is deliberate layering
      // (exact "AI Safety Camp" is sure; other casings need support): only true repeats warn.
      const same = group
        .slice(0, i)
        .find((o) => o.id === c.id && o.folded === c.folded && (o.folded || o.key === c.key));
      if (same) {
        warn(c.file, `aliases[${c.index}]`, `"${c.text}" repeats aliases[${same.index}] ("${same.text}")`);
        continue;
      }
      const undeclared = group.filter((o) => o.id !== c.id && clash(o, c) && !c.sharedWith.includes(o.id));
      if (undeclared.length > 0) {
        const ids = [...new Set(undeclared.map((o) => o.id))];
        error(
          c.file,
          `aliases[${c.index}]`,
          `"${c.text}" is also an alias of ${ids.join(', ')}; ` +
            `declare it with shared_with: [${ids.join(', ')}] in both files, or remove it`,
        );
      }
    }
  }

  for (const { file, program } of files) {
    // Verified: not in the future, and not too old.
    const verifiedAt = startOf(parseLocalDate(program.verified), 'UTC');
    if (verifiedAt > now) error(file, 'verified', `${program.verified} is in the future`);
    else if (now - verifiedAt > STALE_AFTER_DAYS * DAY) {
      warn(file, 'verified', `last verified ${program.verified}, more than ${STALE_AFTER_DAYS} days ago: check the sources again`);
    }

    // Calls: dates in order, and what each state needs.
    let hasRecentCall = false;
    program.calls.forEach((call, i) => {
      const tz = call.timezone ?? 'AoE';
      const steps: [string, number][] = [];
      if (call.opens) steps.push(['opens', startOf(parseLocalDate(call.opens), tz)]);
      if (call.closes) steps.push(['closes', startOf(parseLocalDate(call.closes), tz)]);
      if (call.starts) steps.push(['starts', startOf(parseLocalDate(call.starts), tz)]);
      if (call.ends) steps.push(['ends', startOf(parseLocalDate(call.ends), tz)]);
      for (let k = 1; k < steps.length; k++) {
        const [prevName, prevAt] = steps[k - 1]!;
        const [name, at] = steps[k]!;
        if (at < prevAt) {
          error(file, `calls[${i}].${name}`, `${name} (${call[name as 'opens']}) is before ${prevName} (${call[prevName as 'opens']}); expected opens ≤ closes ≤ starts ≤ ends`);
        }
      }
      if (call.state === 'rolling' && call.closes) {
        warn(file, `calls[${i}].state`, 'a rolling call with a closing date: is it rolling until then? Say so in `note`');
      }
      const latest = Math.max(
        ...[call.closes && endOf(parseLocalDate(call.closes), tz), call.ends && endOf(parseLocalDate(call.ends), tz), call.starts && endOf(parseLocalDate(call.starts), tz)].filter(
          (x): x is number => typeof x === 'number',
        ),
        -Infinity,
      );
      if (call.state !== 'dated' || latest > now - 365 * DAY) hasRecentCall = true;
    });
    if (program.status.state === 'active' && !hasRecentCall) {
      warn(file, 'calls', 'active, but no call in the future or the past year: add the latest call, or mark the program paused or discontinued');
    }
    if (program.status.state === 'discontinued' && program.status.since) {
      const since = startOf(parseLocalDate(program.status.since), 'UTC');
      if (since > now) error(file, 'status.since', `${program.status.since} is in the future`);
    }
  }
  return problems;
}
