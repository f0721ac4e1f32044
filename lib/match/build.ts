/**
 * Builds the matcher once per dataset (at build time).
 *
 * Scanning does not use a pattern made of the aliases (a 160-alias pattern costs the page ~10 ms
 * just to compile, and both that and its scanning grow with the number of aliases). Instead a
 * small fixed pattern finds every word that starts with a capital letter, its first token is
 * looked up in a table of the aliases' first tokens, and only the aliases found there are checked
 * further. The table is what this step builds: cost per word is a hash lookup, whatever the
 * number of aliases. See docs/adr/0002-matching.md.
 */
import type { CompiledAlias, CompiledMatcher } from './types';

export interface MatcherAliasInput {
  text: string;
  case?: 'sensitive' | 'insensitive';
  editions?: boolean;
  ambiguous?: boolean;
  followed_by?: string[];
  context_only?: boolean;
}

export interface MatcherProgramInput {
  id: string;
  aliases: (string | MatcherAliasInput)[];
  context?: string[];
  veto?: string[];
}

/**
 * Characters that may stand between the words of a name: spaces, tabs, a line break inside a
 * paragraph, no-break spaces, hyphens. Not the break between two blocks (U+2029).
 */
export const NAME_GAP = '[ \\t\\n\\r\\u00a0\\u2010\\u2011-]{1,2}';

/** One key per spelling, whatever spaces, hyphens or apostrophes it was written with. */
export function normaliseSpelling(text: string): string {
  return text.replace(/[\s\u00a0\u2010\u2011-]+/g, ' ').replace(/[\u2018\u2019\u02bc]/g, "'");
}

/** A token: a run of ASCII letters and digits (what the scanning pattern finds). */
export const TOKEN = /[A-Za-z0-9]+/;

/** The first token of an alias ("AI" of "AI Safety Camp", "SERI" of "SERI-MATS"). */
export function firstToken(text: string): string {
  const m = TOKEN.exec(text);
  if (!m || m.index !== 0) throw new Error(`alias must start with a letter or digit: ${JSON.stringify(text)}`);
  return m[0];
}

function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** The rest of an alias after its first token, as a pattern: flexible gaps and apostrophes. */
function restPattern(rest: string): string {
  return escapeRegExp(normaliseSpelling(rest)).replace(/ /g, NAME_GAP).replace(/'/g, "['\\u2019]");
}

const COMMON_WORD = /^[A-Z][a-z]+$/;

export function buildMatcher(programs: MatcherProgramInput[]): CompiledMatcher {
  const aliases: CompiledAlias[] = [];
  const exact: Record<string, number[]> = {};
  const folded: Record<string, number[]> = {};

  programs.forEach((program, programIndex) => {
    for (const raw of program.aliases) {
      const spec: MatcherAliasInput = typeof raw === 'string' ? { text: raw } : raw;
      const isFolded = spec.case === 'insensitive';
      const token = firstToken(spec.text);
      const rest = spec.text.slice(token.length);
      const index = aliases.length;
      aliases.push({
        program: programIndex,
        text: spec.text,
        folded: isFolded,
        rest: rest ? restPattern(rest) : '',
        editions: !!spec.editions,
        ambiguous: !!(spec.ambiguous || spec.context_only),
        wordLike: !!(spec.ambiguous || spec.context_only) && COMMON_WORD.test(spec.text),
        ...(spec.followed_by?.length ? { followedBy: spec.followed_by } : {}),
        ...(spec.context_only ? { contextOnly: true } : {}),
      });
      const table = isFolded ? folded : exact;
      const key = isFolded ? token.toLowerCase() : token;
      (table[key] ??= []).push(index);
    }
  });
  // Longest alias first: "SERI MATS" is tried before "SERI", "Astra Fellowship" before "Astra".
  const byLength = (a: number, b: number) => aliases[b]!.text.length - aliases[a]!.text.length;
  for (const list of [...Object.values(exact), ...Object.values(folded)]) list.sort(byLength);

  return {
    aliases,
    exact,
    folded,
    programs: programs.map((p) => ({ id: p.id, context: p.context ?? [], veto: p.veto ?? [] })),
  };
}

/**
 * Every alias in one pattern (the way a generic highlighter would look for them): used only to
 * give mark.js the same job in the benchmark.
 */
export function combinedPattern(data: CompiledMatcher): RegExp {
  const alts = data.aliases
    .map((a) => (a.folded ? escapeRegExp(a.text).replace(/[A-Za-z]/g, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`) : escapeRegExp(a.text)))
    .sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![A-Za-z0-9])(?:${alts.join('|')})(?![A-Za-z0-9])`, 'g');
}
