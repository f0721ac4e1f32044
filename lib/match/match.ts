/**
 * Finds program mentions in plain text. Pure and DOM-free: the content script runs it on each post
 * or comment body, the `scan` CLI on each input, so both find exactly the same mentions.
 *
 * A candidate from the combined pattern becomes a mention only if
 * 1. it starts at a word boundary (the pattern checks the end),
 * 2. an edition number is glued on only where the alias allows editions ("AISC10", not "ERA5"),
 * 3. it is not inside one of its program's veto phrases ("Chatbot Arena", "pivotal act"),
 * 4. for an ambiguous alias, the text supports it: an edition number, a program word right next
 *    to it ("the ERA fellowship", "SPAR mentors"), one of its program's context words in the same
 *    post or comment, or another program named there with an unambiguous alias;
 *    and a capitalised ordinary word ("Refine") is not followed by a determiner ("Refine your").
 */
import { normaliseSpelling } from './build';
import { compoundToken, definedAsSomethingElse, kindAfter, kindBefore, parallelNoun, programWordNear, takingPartBefore, usedAsWord } from './rules';
import type { CompiledMatcher, Mention } from './types';

/** A name glued to these is part of another token: a word, a handle, a hashtag or channel. */
const WORD_CHAR = /[\p{L}\p{N}_@#]/u;
/** "pibbss.ai", "arena.education": a name followed by a domain ending is part of an address. */
const DOMAIN_AFTER = /^\.[a-z]{2,}(?![\p{L}\p{N}])/u;
/** Title case: "Mats", "Arena", "Spar" are words and first names, not the acronyms MATS, ARENA, SPAR. */
const TITLE_CASE = /^\p{Lu}\p{Ll}+$/u;
const ALL_CAPS = /^[\p{Lu}\p{N}]+$/u;

function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|\/]/g, '\\$&');
}

function phrasePattern(phrases: string[]): RegExp | null {
  if (phrases.length === 0) return null;
  const alts = phrases.map((p) => escapeRegExp(normaliseSpelling(p)).replace(/ /g, '[\\s\\u00a0\\u2010\\u2011-]+').replace(/'/g, "['\\u2019]"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

export interface Matcher {
  /**
   * Mentions in `text`, in order, never overlapping. The whole text is one context unit;
   * `context` is more text of the same unit that may support ambiguous names but is not searched
   * for mentions itself (a post's body for its title, and the title for the body).
   */
  find(text: string, context?: string): Mention[];
  readonly data: CompiledMatcher;
}

export function createMatcher(data: CompiledMatcher): Matcher {
  const pattern = new RegExp(data.source, data.flags);
  // Per-program patterns are compiled on first use: most pages need few or none of them, and
  // compiling them all would cost the page milliseconds at start.
  const lazy = (make: (i: number) => RegExp | null) => {
    const cache = new Map<number, RegExp | null>();
    return (i: number): RegExp | null => {
      let re = cache.get(i);
      if (re === undefined) cache.set(i, (re = make(i)));
      return re;
    };
  };
  const vetoOf = lazy((i) => phrasePattern(data.programs[i]!.veto));
  const contextOf = lazy((i) => phrasePattern(data.programs[i]!.context));
  /** Per program: its names and context words, to recognise text that is about it. */
  const ownWordsOf = lazy((i) =>
    phrasePattern([...data.aliases.filter((a) => a.program === i).map((a) => a.text), ...data.programs[i]!.context]),
  );
  /** Whether a phrase is about the program: names it (other than as `written`) or its context. */
  const isAbout = (programIndex: number, written: string) => (phrase: string) => {
    const re = ownWordsOf(programIndex);
    const rest = phrase.replace(new RegExp(escapeRegExp(written), 'giu'), ' ');
    return !!re && ((re.lastIndex = 0), re.test(rest));
  };

  function lookup(core: string): number[] | undefined {
    const key = normaliseSpelling(core);
    return data.exact[key] ?? data.folded[key.toLowerCase()];
  }

  /**
   * The aliases a matched name stands for. The pattern is case-blind where any alias is, so the
   * longest match may be in a case no alias allows ("astra Fellowship"); then the longest shorter
   * name that ends at a word gap and does match is used instead ("astra").
   */
  function resolve(core: string): { core: string; aliases: number[] } | undefined {
    const full = lookup(core);
    if (full) return { core, aliases: full };
    for (let i = core.length - 1; i > 0; i--) {
      if (!/[\s\u00a0\u2010\u2011-]/.test(core[i]!)) continue;
      const prefix = core.slice(0, i).replace(/[\s\u00a0\u2010\u2011-]+$/, '');
      const found = lookup(prefix);
      if (found) return { core: prefix, aliases: found };
    }
    return undefined;
  }

  const followedByPatterns = new Map<number, RegExp>();
  /** "GovAI" only as in "GovAI fellowship", "GovAI's summer fellows". */
  function followedBy(aliasIndex: number, words: string[]): RegExp {
    let re = followedByPatterns.get(aliasIndex);
    if (!re) {
      const alts = words.map((w) => escapeRegExp(normaliseSpelling(w)).replace(/ /g, '[\\s\\u00a0-]+'));
      re = new RegExp(`^(?:['\\u2019]s)?[\\s\\u00a0]+(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
      followedByPatterns.set(aliasIndex, re);
    }
    return re;
  }

  function vetoed(programIndex: number, text: string, start: number, end: number): boolean {
    const veto = vetoOf(programIndex);
    if (!veto) return false;
    const from = Math.max(0, start - 64);
    const window = text.slice(from, Math.min(text.length, end + 64));
    veto.lastIndex = 0;
    for (let m = veto.exec(window); m; m = veto.exec(window)) {
      const a = from + m.index;
      if (a < end && a + m[0].length > start) return true;
    }
    return false;
  }

  function find(text: string, context = ''): Mention[] {
    const mentions: Mention[] = [];
    // Candidates that need support, decided once the whole unit has been seen.
    const pending: { mention: Mention; programIndex: number; near: boolean; contextOnly: boolean }[] = [];
    const confirmedPrograms = new Set<number>();
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const start = m.index;
      if (start > 0 && WORD_CHAR.test(text[start - 1]!)) continue;
      const resolved = resolve(m[1]!);
      if (!resolved) continue;
      const { core, aliases: candidates } = resolved;
      const edition = core === m[1] ? m[2] : undefined;
      for (const aliasIndex of candidates) {
        const alias = data.aliases[aliasIndex]!;
        let end = start + core.length;
        let hasEdition = false;
        if (edition) {
          if (alias.editions) {
            end += edition.length;
            hasEdition = true;
          } else if (!/^[\s\u00a0]/.test(edition)) {
            continue; // "ERA5", "MATS8": a different token, not this name
          }
        }
        if (vetoed(alias.program, text, start, end)) continue;
        const after = text.slice(end, end + 48);
        if (DOMAIN_AFTER.test(after)) continue;
        if (ALL_CAPS.test(alias.text) && TITLE_CASE.test(core)) continue;
        if (alias.wordLike && usedAsWord(after)) continue;
        if (alias.followedBy && !followedBy(aliasIndex, alias.followedBy).test(after)) continue;
        const written = text.slice(start, end);
        if (kindBefore(text, start) || kindAfter(after) || compoundToken(after)) continue;
        if (definedAsSomethingElse(text, start, end, core, isAbout(alias.program, core))) continue;
        const mention: Mention = { program: data.programs[alias.program]!.id, start, end, text: written };
        if (!alias.ambiguous || hasEdition) {
          mentions.push(mention);
          confirmedPrograms.add(alias.program);
        } else if (!parallelNoun(text, start, end, written)) {
          const near = !alias.contextOnly && (programWordNear(text, start, end) || takingPartBefore(text, start));
          pending.push({ mention, programIndex: alias.program, near, contextOnly: !!alias.contextOnly });
        }
        break;
      }
    }
    if (pending.length === 0) return mentions;

    const contextFound = new Map<number, boolean>();
    const supported = (programIndex: number): boolean => {
      let found = contextFound.get(programIndex);
      if (found === undefined) {
        const ctx = contextOf(programIndex);
        found = !!ctx && ((ctx.lastIndex = 0), ctx.test(text) || ((ctx.lastIndex = 0), ctx.test(context)));
        contextFound.set(programIndex, found);
      }
      return found;
    };
    // A program named unambiguously in the same unit (this one or another) sets the topic.
    const programsNamed = confirmedPrograms.size > 0 || (context.length > 0 && find(context).length > 0);
    for (const p of pending) {
      if (p.near || (programsNamed && !p.contextOnly) || supported(p.programIndex)) mentions.push(p.mention);
    }
    return mentions.sort((a, b) => a.start - b.start);
  }

  return { find, data };
}
