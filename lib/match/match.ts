/**
 * Finds program mentions in plain text. Pure and DOM-free: the content script runs it on each post
 * or comment body, the `scan` CLI on each input, so both find exactly the same mentions.
 *
 * Every word that starts with a capital is looked up by its first token (build.ts); for the few
 * that start an alias, the alias must then
 * 1. match in full at a word boundary ("AI Safety Camp", not "AI Safety Campaign"), with an
 *    edition number only where the alias takes one ("AISC10", not "ERA5"),
 * 2. not be part of an address, a handle, a compound token ("SPAR-H") or a veto phrase
 *    ("Chatbot Arena", "pivotal act"), nor be spelled out or glossed in the text as something
 *    else ("American Institute of Steel Construction (AISC)"),
 * 3. if ambiguous, be supported by the text: an edition number, a program word near it ("the ERA
 *    fellowship", "applied to Pivotal"), one of its program's context words in the same post or
 *    comment, or another program named there unambiguously; and a capitalised ordinary word
 *    ("Refine") must not be followed by a determiner ("Refine your").
 * Cheap checks come first: the page pays for the rare candidates, not for every word.
 */
import { normaliseSpelling } from './build';
import { compoundToken, definedAsSomethingElse, kindAfter, kindBefore, parallelNoun, programWordNear, takingPartBefore, usedAsWord } from './rules';
import type { CompiledMatcher, Mention } from './types';

/**
 * Words that may begin a name: a capital letter, then letters and digits. Lower-case words are
 * never looked at (names written all in lower case are not matched: rare, and often not names).
 */
const WORD = /(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]*/g;
/** An edition number right after a name: "AISC 10", "ARENA 5.0", "AISC #9". */
const EDITION = /[\u0020\u00a0]?#?\d{1,2}(?:\.\d{1,2})?(?![A-Za-z0-9]|\.\d)/y;
/** A name glued to these is part of another token: a word, a handle, a hashtag or channel. */
const GLUED_BEFORE = /[\p{L}\p{N}_@#]/u;
/** What may not follow a name: more of a word, or a combining mark on its last letter ("MATŚ"). */
const GLUED_AFTER = /[\p{L}\p{M}\p{N}_]/u;
/** "pibbss.ai", "arena.education": a name followed by a domain ending is part of an address. */
const DOMAIN_AFTER = /^\.[a-z]{2,}(?![A-Za-z0-9])/;
/** Title case: "Mats", "Arena", "Spar" are words and first names, not the acronyms MATS, ARENA, SPAR. */
const TITLE_CASE = /^[A-Z][a-z]+$/;
const ALL_CAPS = /^[A-Z0-9]+$/;

function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

function phrasePattern(phrases: string[]): RegExp | null {
  if (phrases.length === 0) return null;
  const alts = phrases.map((p) =>
    escapeRegExp(normaliseSpelling(p)).replace(/ /g, '[\\s\\u00a0\\u2010\\u2011-]+').replace(/'/g, "['\\u2019]"),
  );
  return new RegExp(`(?<![A-Za-z0-9])(?:${alts.join('|')})(?![A-Za-z0-9])`, 'gi');
}

/** Whether the character before `i` in `text` glues it to something before (ASCII fast path). */
function gluedBefore(text: string, i: number): boolean {
  if (i === 0) return false;
  const c = text.charCodeAt(i - 1);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 64 || c === 35;
  return GLUED_BEFORE.test(text[i - 1]!);
}

function gluedAfter(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return GLUED_AFTER.test(text[i]!);
}

export interface Matcher {
  /**
   * Mentions in `text`, in order, never overlapping. The whole text is one context unit;
   * `context` is more text of the same unit that may support ambiguous names but is not searched
   * for mentions itself (a post's body for its title, and the title for the body).
   */
  find(text: string, context?: string | (() => string)): Mention[];
  readonly data: CompiledMatcher;
}

interface Pending {
  mention: Mention;
  programIndex: number;
  near: boolean;
  contextOnly: boolean;
}

export function createMatcher(data: CompiledMatcher): Matcher {
  // Per-program and per-alias patterns are made on first use: most pages need few of them.
  const lazy = <K>(make: (k: K) => RegExp | null) => {
    const cache = new Map<K, RegExp | null>();
    return (k: K): RegExp | null => {
      let re = cache.get(k);
      if (re === undefined) cache.set(k, (re = make(k)));
      return re;
    };
  };
  const vetoOf = lazy((i: number) => phrasePattern(data.programs[i]!.veto));
  const contextOf = lazy((i: number) => phrasePattern(data.programs[i]!.context));
  /** Per program: its names and context words, to recognise text that is about it. */
  const ownWordsOf = lazy((i: number) =>
    phrasePattern([...data.aliases.filter((a) => a.program === i).map((a) => a.text), ...data.programs[i]!.context]),
  );
  const restOf = lazy((i: number) => {
    const a = data.aliases[i]!;
    return a.rest ? new RegExp(a.rest, a.folded ? 'iy' : 'y') : null;
  });
  /** "GovAI" only as in "GovAI fellowship", "GovAI's summer fellows". */
  const followedByOf = lazy((i: number) => {
    const words = data.aliases[i]!.followedBy ?? [];
    const alts = words.map((w) => escapeRegExp(normaliseSpelling(w)).replace(/ /g, '[\\s\\u00a0-]+'));
    return new RegExp(`^(?:['\\u2019]s)?[\\s\\u00a0]+(?:${alts.join('|')})(?![A-Za-z0-9])`, 'i');
  });

  /** Whether a phrase is about the program: names it (other than as `written`) or its context. */
  const isAbout = (programIndex: number, written: string) => (phrase: string) => {
    const re = ownWordsOf(programIndex);
    const rest = phrase.replace(new RegExp(escapeRegExp(written), 'gi'), ' ');
    return !!re && ((re.lastIndex = 0), re.test(rest));
  };

  /** Aliases whose first token is `token` (exactly, or case-blind), longest first; cached. */
  const startingCache = new Map<string, readonly number[]>();
  const NONE: readonly number[] = [];
  function aliasesStarting(token: string): readonly number[] {
    let list = startingCache.get(token);
    if (!list) {
      const exact = data.exact[token];
      const folded = data.folded[token.toLowerCase()];
      list =
        !exact && !folded
          ? NONE
          : [...(exact ?? []), ...(folded ?? [])].sort((a, b) => data.aliases[b]!.text.length - data.aliases[a]!.text.length);
      if (startingCache.size < 5000) startingCache.set(token, list);
    }
    return list;
  }

  /** Where alias `i` ends if it starts at `start` with first token `token`, or -1. */
  function aliasEnd(i: number, text: string, start: number, token: string): number {
    const re = restOf(i);
    const at = start + token.length;
    if (!re) return at;
    re.lastIndex = at;
    return re.test(text) ? re.lastIndex : -1;
  }

  function vetoed(programIndex: number, text: string, start: number, end: number): boolean {
    const veto = vetoOf(programIndex);
    if (!veto) return false;
    // A window, not the whole text: a search from here could run to the end of a long text.
    const from = Math.max(0, start - 64);
    const window = text.slice(from, end + 64);
    veto.lastIndex = 0;
    for (let m = veto.exec(window); m; m = veto.exec(window)) {
      if (from + m.index < end && from + m.index + m[0].length > start) return true;
    }
    return false;
  }

  /** Whether brackets right around the name may spell it out or gloss it. */
  function bracketsNear(text: string, start: number, end: number): boolean {
    // Only a few characters either way: searching further could cross a whole long text.
    for (let i = Math.max(0, start - 8); i < start; i++) if (text.charCodeAt(i) === 40) return true;
    for (let i = end; i < Math.min(text.length, end + 3); i++) if (text.charCodeAt(i) === 40) return true;
    return false;
  }

  /**
   * The mention starting with word `token` at `start`, or null, and what it needs: the first
   * alias (longest first) that passes every check that does not depend on the rest of the unit.
   */
  function candidate(text: string, start: number, token: string, glued: string): { mention: Mention; alias: number; sure: boolean } | null {
    for (const i of aliasesStarting(token)) {
      const alias = data.aliases[i]!;
      if (glued && alias.rest) continue; // "AISC10" cannot go on to more words
      const nameEnd = aliasEnd(i, text, start, token);
      if (nameEnd < 0) continue;
      // An edition number: glued ("AISC10"), or after a space ("ARENA 5.0", "AISC #9").
      let edition = glued;
      if (!edition && nameEnd < text.length) {
        const c = text.charCodeAt(nameEnd);
        if (c === 32 || c === 160 || c === 35 || (c >= 48 && c <= 57)) {
          EDITION.lastIndex = nameEnd;
          edition = EDITION.exec(text)?.[0] ?? '';
        }
      }
      let end = nameEnd;
      let hasEdition = false;
      if (edition) {
        if (alias.editions) {
          end += edition.length;
          hasEdition = true;
        } else if (glued || (edition[0] !== ' ' && edition[0] !== '\u00a0')) {
          continue; // "ERA5", "MATS8": another token, not this name
        }
      }
      if (gluedAfter(text, end)) continue; // "AI Safety Campaign"
      const core = text.slice(start, nameEnd);
      if (alias.folded && TITLE_CASE.test(core) && ALL_CAPS.test(alias.text)) continue;
      const next = text.charCodeAt(end);
      const after = next === 46 || next === 44 || next === 32 || next === 45 || next === 39 || next === 8217 ? text.slice(end, end + 48) : '';
      if (next === 46 && DOMAIN_AFTER.test(after)) continue;
      if ((next === 45 || next === 8208 || next === 8209) && compoundToken(text.slice(end, end + 8))) continue;
      if (alias.followedBy && !followedByOf(i)!.test(after)) continue;
      if (alias.wordLike && usedAsWord(after)) continue;
      if ((next === 44 || next === 32) && kindAfter(after)) continue;
      if (start > 0 && text.charCodeAt(start - 1) === 32 && kindBefore(text, start)) continue;
      if (vetoed(alias.program, text, start, end)) continue;
      if (bracketsNear(text, start, end) && definedAsSomethingElse(text, start, end, core, isAbout(alias.program, core))) continue;
      const mention: Mention = { program: data.programs[alias.program]!.id, start, end, text: text.slice(start, end) };
      return { mention, alias: i, sure: !alias.ambiguous || hasEdition };
    }
    return null;
  }

  function find(text: string, contextOrThunk: string | (() => string) = ''): Mention[] {
    const mentions: Mention[] = [];
    // Ambiguous names wait until the whole unit has been seen.
    const pending: Pending[] = [];
    const confirmedPrograms = new Set<number>();
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      let token = m[0];
      let glued = '';
      if (aliasesStarting(token).length === 0) {
        // "AISC10", "MLAB2": a name with its edition number glued on.
        const digits = /\d+$/.exec(token);
        if (!digits || digits.index === 0) continue;
        glued = digits[0];
        token = token.slice(0, digits.index);
        if (aliasesStarting(token).length === 0) continue;
      }
      const start = m.index;
      if (gluedBefore(text, start)) continue;
      const found = candidate(text, start, token, glued);
      if (!found) continue;
      const { mention } = found;
      const alias = data.aliases[found.alias]!;
      if (found.sure) {
        mentions.push(mention);
        confirmedPrograms.add(alias.program);
      } else if (!parallelNoun(text, mention.start, mention.end, mention.text)) {
        const near = !alias.contextOnly && (programWordNear(text, mention.start, mention.end) || takingPartBefore(text, mention.start));
        pending.push({ mention, programIndex: alias.program, near, contextOnly: !!alias.contextOnly });
      }
      // The words the name covers are not looked at again.
      if (mention.end > WORD.lastIndex) WORD.lastIndex = mention.end;
    }
    if (pending.length === 0) return mentions;
    // The rest of the unit (a title's post) is read only now that an ambiguous name needs it.
    const context = typeof contextOrThunk === 'function' ? contextOrThunk() : contextOrThunk;

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
