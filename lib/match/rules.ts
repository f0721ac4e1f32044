/**
 * The text rules that decide whether a name found in text is a program mention. Each is a small
 * pure function over the text around the candidate; match.ts applies them in order.
 *
 * The patterns use ASCII letter classes and no `u` flag: Unicode property classes and case
 * folding make the engine's first compile and run of a pattern several times dearer, and the
 * page pays that on every load. The names and the words around them are English.
 */

/** Words that, right next to an ambiguous name, show it is a program. */
const PROGRAM_WORDS =
  'fellows?|fellowships?|programs?|programmes?|scholars?|cohorts?|mentors?|mentees?|mentorship|mentoring|' +
  'interns?|internships?|bootcamps?|alumni|alumnus|alumna|alums?|participants?|streams?|' +
  'applications?|applicants?|apply|applied|applying|accepted|admitted|organi[sz]ers?|graduates?|' +
  'research\\s+leads?|project\\s+leads?|projects?|tracks?|research\\s+managers?|residency|incubator|incubatees?|' +
  'curriculum|course|sprints?|hackathons?|stipends?|capstone|extension|batch|iteration|edition|deadline';
const PROGRAM_WORD = new RegExp(`(?:^|[^A-Za-z0-9])(?:${PROGRAM_WORDS})(?![A-Za-z0-9])`, 'i');

/** How far (in characters) a program word may be from an ambiguous name and still support it. */
export const NEAR = 40;

/** "ERA fellows", "SPAR mentors", "applied to Pivotal": a program word within NEAR characters. */
export function programWordNear(text: string, start: number, end: number): boolean {
  const around = `${text.slice(Math.max(0, start - NEAR), start)} \u0000 ${text.slice(end, end + NEAR)}`;
  return PROGRAM_WORD.test(around);
}

/** "I did ERA", "Adam ran Refine", "got into MLSS": a verb of taking part right before the name. */
const TAKING_PART_BEFORE =
  /(?:^|[^A-Za-z])(?:did|do|doing|attended|attending|joined|joining|completed|finished|ran|run|running|organi[sz]ed|TA'?d(?: for)?|got into|went to|accepted (?:in)?to|rejected from|admitted to)\s+(?:the\s+)?$/i;

export function takingPartBefore(text: string, start: number): boolean {
  return TAKING_PART_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

/**
 * After a capitalised ordinary word, a determiner or pronoun shows it is used as a word (a verb:
 * "Refine your argument", "Catalyze the change"), not as a name.
 */
const FUNCTION_WORD_AFTER =
  /^[\s\u00a0]+(?:the|a|an|your|our|my|their|his|her|its|this|these|those|some|any|each|every|it|them|us|me|him|one's|yourself|ourselves|themselves)(?![A-Za-z0-9])/i;

export function usedAsWord(after: string): boolean {
  return FUNCTION_WORD_AFTER.test(after);
}

function initials(words: string[]): string {
  return words
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0]!)
    .join('')
    .toUpperCase();
}

const EXPANSION_AFTER = /^[\s\u00a0]*\(\s*(?:the\s+|also\s+|aka\s+|i\.e\.\s+)?([^()]{3,90})\)/i;
const GLOSS_AFTER = /^[\s\u00a0]*\(\s*(?:the|a|an)\s+([^()]{3,90})\)/i;
const EXPANSION_BEFORE = /((?:[A-Z][A-Za-z'’.-]*[\s\u00a0]+(?:(?:of|for|and|the|in|on|&)[\s\u00a0]+)?){2,8})\([\s\u00a0]*(?:also[\s\u00a0]+|aka[\s\u00a0]+|or[\s\u00a0]+)?$/;

/**
 * The text itself says the name means something else: an acronym spelled out as other words
 * ("American Institute of Steel Construction (AISC)", "SERI (Singapore Eye Research Institute)"),
 * or glossed in brackets ("LASR (the UK government security lab)", "Refine (the React admin
 * framework)"). `isOurs` says whether a spelled-out or glossing text is about the program itself
 * (one of its names, its context words, or program words), in which case nothing is ruled out.
 */
export function definedAsSomethingElse(
  text: string,
  start: number,
  end: number,
  name: string,
  isOurs: (phrase: string) => boolean,
): boolean {
  const acronym = /^[A-Z][A-Z0-9]{1,7}$/.test(name) ? name.replace(/[0-9]/g, '') : null;
  const after = text.slice(end, end + 100);
  const spelledAfter = EXPANSION_AFTER.exec(after)?.[1];
  if (acronym && spelledAfter && initials(spelledAfter.split(/[\s\u00a0]+/)) === acronym) return !isOurs(spelledAfter);
  const before = text.slice(Math.max(0, start - 100), start);
  const spelledBefore = EXPANSION_BEFORE.exec(before)?.[1];
  // "The American Institute of Steel Construction (AISC)": the last capitalised words spell it.
  if (acronym && spelledBefore && initials(spelledBefore.trim().split(/[\s\u00a0]+/)).endsWith(acronym)) {
    return !isOurs(spelledBefore);
  }
  const gloss = GLOSS_AFTER.exec(after)?.[1];
  if (gloss && !/^\d/.test(gloss)) return !isOurs(gloss) && !PROGRAM_WORD.test(` ${gloss} `);
  return false;
}

/**
 * "the supermarket chain SPAR", "the React framework Refine", "the goddess Athena": a noun naming
 * what kind of thing follows, and it is not a program.
 */
const KIND_BEFORE =
  /(?:^|[^A-Za-z])(?:company|companies|firm|startup|start-up|app|platform|tool|library|framework|supermarket|chain|brand|retailer|band|album|song|game|goddess|god|planet|rover|car|ship|satellite|telescope|database|engine|language)[\s\u00a0]+$/i;

export function kindBefore(text: string, start: number): boolean {
  return KIND_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

const KINDS =
  'company|firm|startup|start-up|app|platform|tool|library|framework|supermarket|supermarkets|chain|brand|retailer|band|album|song|game|goddess|planet|database|engine|language';
/** "BlueDot, the Toronto epidemic-intelligence company", "Refine is also the name of a React framework". */
const KIND_AFTER = new RegExp(
  `^(?:[\\s\\u00a0]*,[\\s\\u00a0]*|[\\s\\u00a0]+is[\\s\\u00a0]+(?:also[\\s\\u00a0]+)?(?:the[\\s\\u00a0]+name[\\s\\u00a0]+of[\\s\\u00a0]+)?)(?:a|an|the)[\\s\\u00a0]+(?:[A-Za-z0-9'’-]+[\\s\\u00a0]+){0,3}(?:${KINDS})(?![A-Za-z])`,
  'i',
);

export function kindAfter(after: string): boolean {
  return KIND_AFTER.test(after);
}

/** "SPAR-H", "ERA-5": a hyphen and capitals or digits glued on make another token. */
const COMPOUND_TOKEN_AFTER = /^[-\u2010\u2011][A-Z0-9]{1,4}(?![a-z])/;

export function compoundToken(after: string): boolean {
  return COMPOUND_TOKEN_AFTER.test(after);
}

/**
 * "The AI safety camp vs the accelerationist camp": a many-word name whose last word (a common
 * noun) comes back nearby in its ordinary sense. Applied to ambiguous spellings only.
 */
const parallelPatterns = new Map<string, RegExp>();

export function parallelNoun(text: string, start: number, end: number, name: string): boolean {
  const words = name.trim().split(/[\s\u00a0-]+/);
  if (words.length < 2) return false;
  const last = words[words.length - 1]!;
  // Only where the noun is written in lower case: "AI Safety Camp" is the name.
  if (last.length < 4 || !/^[a-z]+$/.test(last)) return false;
  let re = parallelPatterns.get(last);
  if (!re) parallelPatterns.set(last, (re = new RegExp(`(?<![A-Za-z])${last}s?(?![A-Za-z])`, 'i')));
  return re.test(text.slice(Math.max(0, start - 60), start)) || re.test(text.slice(end, end + 60));
}
