/** Shapes shared by the matcher's build step (build time) and its run time (page and CLI). */

export interface CompiledAlias {
  /** Index into `CompiledMatcher.programs`. */
  program: number;
  text: string;
  /** Case-insensitive. */
  folded: boolean;
  /** Pattern for what follows the first token ("[\s…]{1,2}Safety[\s…]{1,2}Camp"), or "". */
  rest: string;
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
  aliases: CompiledAlias[];
  /** First token → indices of the case-sensitive aliases starting with it, longest first. */
  exact: Record<string, number[]>;
  /** Lower-cased first token → indices of the case-insensitive aliases, longest first. */
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
