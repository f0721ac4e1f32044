/** Shapes shared by the matcher's build step (build time) and its run time (page and CLI). */

export interface CompiledAlias {
  /** Index into `CompiledMatcher.programs`. */
  program: number;
  text: string;
  editions: boolean;
  ambiguous: boolean;
  /**
   * A capitalised ordinary word ("Refine", "Pivotal"): also rejected when followed by a determiner
   * or pronoun ("Refine your argument"), the way verbs and adjectives are used.
   */
  wordLike: boolean;
  /** Ambiguous, and supported only by the program's own context words (not by other programs). */
  contextOnly?: boolean;
  /** Matched only when one of these words follows ("GovAI" → "GovAI fellowship"). */
  followedBy?: string[];
}

export interface CompiledMatcherProgram {
  id: string;
  /** Words that support this program's ambiguous aliases anywhere in the same post or comment. */
  context: string[];
  /** Phrases that contain an alias but mean something else. */
  veto: string[];
}

export interface CompiledMatcher {
  /** One combined pattern for every alias (a trie written as a regular expression). */
  source: string;
  flags: string;
  aliases: CompiledAlias[];
  /** Normalised spelling → alias indices, for case-sensitive aliases. */
  exact: Record<string, number[]>;
  /** Lower-cased normalised spelling → alias indices, for case-insensitive aliases. */
  folded: Record<string, number[]>;
  programs: CompiledMatcherProgram[];
}

export interface Mention {
  /** Program id. */
  program: string;
  /** UTF-16 offsets into the scanned text; `text.slice(start, end)` is the mention as written. */
  start: number;
  end: number;
  text: string;
}
