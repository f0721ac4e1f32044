/**
 * Builds the matcher once per dataset (at build time): every alias of every program goes into one
 * trie, written out as a single regular expression, so that scanning costs about the same for 50
 * aliases as for 1,000. Case-sensitive spellings are written literally (V8 scans those fastest);
 * case-insensitive ones letter by letter as `[aA]` classes, never with the `i` flag.
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

/** Characters that may stand between the words of a name: spaces, no-break spaces, hyphens. */
export const NAME_GAP = '[\\s\\u00a0\\u2010\\u2011-]{1,2}';
const GAP_TOKEN = '\u0000';
const APOSTROPHE_TOKEN = '\u0001';

/** One key per spelling, whatever spaces, hyphens or apostrophes it was written with. */
export function normaliseSpelling(text: string): string {
  return text.replace(/[\s\u00a0\u2010\u2011-]+/g, ' ').replace(/[\u2018\u2019\u02bc]/g, "'");
}

/**
 * One trie for all aliases, keyed by lower-cased characters. Each edge remembers which characters
 * may appear there: the exact character for case-sensitive aliases, both cases for insensitive
 * ones. Keying by lower case puts "Astra" and "astra fellowship" on one path, so the pattern
 * always prefers the longest name; the run time then checks the case of what matched.
 */
interface TrieNode {
  children: Map<string, { chars: Set<string>; node: TrieNode }>;
  end: boolean;
}

const newNode = (): TrieNode => ({ children: new Map(), end: false });

function escapeChar(c: string): string {
  return /[\\^$.*+?()[\]{}|\/-]/.test(c) ? `\\${c}` : c;
}

function insert(root: TrieNode, spelling: string, folded: boolean): void {
  let node = root;
  const key = normaliseSpelling(spelling).replace(/ /g, GAP_TOKEN).replace(/'/g, APOSTROPHE_TOKEN);
  for (const c of key) {
    const lower = c.toLowerCase();
    let edge = node.children.get(lower);
    if (!edge) node.children.set(lower, (edge = { chars: new Set(), node: newNode() }));
    edge.chars.add(c);
    if (folded) {
      edge.chars.add(lower);
      edge.chars.add(c.toUpperCase());
    }
    node = edge.node;
  }
  node.end = true;
}

function edgePattern(chars: Set<string>): string {
  if (chars.has(GAP_TOKEN)) return NAME_GAP;
  if (chars.has(APOSTROPHE_TOKEN)) return "['\\u2019]";
  const list = [...chars].filter((c) => c.length === 1);
  if (list.length === 1) return escapeChar(list[0]!);
  return `[${list.map(escapeChar).join('')}]`;
}

/** Writes a trie as a regular expression; longer spellings are tried before their prefixes. */
function emit(node: TrieNode): string {
  const branches = [...node.children.values()].map(({ chars, node: child }) => edgePattern(chars) + emit(child));
  if (branches.length === 0) return '';
  if (node.end) branches.push('');
  if (branches.length === 1) return branches[0]!;
  return `(?:${branches.join('|')})`;
}

const COMMON_WORD = /^[A-Z][a-z]+$/;

export function buildMatcher(programs: MatcherProgramInput[]): CompiledMatcher {
  const trie = newNode();
  const aliases: CompiledAlias[] = [];
  const exact: Record<string, number[]> = {};
  const folded: Record<string, number[]> = {};

  programs.forEach((program, programIndex) => {
    for (const raw of program.aliases) {
      const spec: MatcherAliasInput = typeof raw === 'string' ? { text: raw } : raw;
      const isFolded = spec.case === 'insensitive';
      const index = aliases.length;
      aliases.push({
        program: programIndex,
        text: spec.text,
        editions: !!spec.editions,
        ambiguous: !!(spec.ambiguous || spec.context_only),
        wordLike: !!(spec.ambiguous || spec.context_only) && COMMON_WORD.test(spec.text),
        ...(spec.followed_by?.length ? { followedBy: spec.followed_by } : {}),
        ...(spec.context_only ? { contextOnly: true } : {}),
      });
      const key = normaliseSpelling(spec.text);
      const table = isFolded ? folded : exact;
      const tableKey = isFolded ? key.toLowerCase() : key;
      (table[tableKey] ??= []).push(index);
      insert(trie, spec.text, isFolded);
    }
  });

  const core = emit(trie);
  // Group 1: the name. Group 2: an edition number ("AISC10", "ARENA 5.0", "AISC #9").
  // The lookahead rejects a name glued to more letters or digits ("MATSx"); a possessive passes
  // because an apostrophe is neither ("MATS's", "PIBBSS'").
  const source = `(${core})([\\u0020\\u00a0]?#?\\d{1,2}(?:\\.\\d{1,2})?(?![\\p{L}\\p{N}]|\\.\\d))?(?![\\p{L}\\p{N}_])`;
  return {
    source,
    flags: 'gu',
    aliases,
    exact,
    folded,
    programs: programs.map((p) => ({ id: p.id, context: p.context ?? [], veto: p.veto ?? [] })),
  };
}
