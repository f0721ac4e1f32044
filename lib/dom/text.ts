/**
 * Reads the text of one post or comment body as the matcher sees it, without changing anything:
 * text nodes are concatenated (so `<b>MA</b>TS` reads "MATS"), a break (BLOCK_BREAK) stands for
 * each block boundary (so "…MATS</p><p>Refine…" does not read "MATSRefine"), and editors, code and form
 * fields are skipped. `locate` maps a text offset back to a (text node, offset) position.
 */
import { BLOCK_TAGS, EDITABLE_SELECTOR, isEditable, NEVER_SCAN_TAGS } from '../sites';

/**
 * What stands between two blocks in the text read from a body: U+2029 PARAGRAPH SEPARATOR, a
 * character that text nodes practically never hold, so a name can never match across two blocks
 * (the matcher's gaps between words do not accept it).
 */
export const BLOCK_BREAK = '\u2029';

export interface BodyText {
  text: string;
  /** Text nodes in document order, and where each starts in `text`. */
  nodes: Text[];
  starts: number[];
}

const SHOW_TEXT = 0x4; // NodeFilter.SHOW_TEXT

/**
 * One walk over the body's text nodes (as cheap as walking them at all): when a text node's
 * parent differs from the previous one's, its ancestors up to the body say whether it lies in
 * something never scanned (an editor, code, a form field) and which block it belongs to.
 */
export function readBodyText(root: Element): BodyText;
/** Only the text, without the node map (cheaper: most bodies turn out to name no program). */
export function readBodyText(root: Element, withNodes: false): Pick<BodyText, 'text'>;
export function readBodyText(root: Element, withNodes = true): BodyText {
  const steps = readBodyTextSteps(root, withNodes);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** How many text nodes are read between two points where the reading may pause. */
export const NODES_PER_STEP = 1000;

/** readBodyText, pausing (yielding) every NODES_PER_STEP text nodes: for very large bodies. */
export function* readBodyTextSteps(root: Element, withNodes = true): Generator<void, BodyText> {
  // Editable regions are rare: ask once, and skip the attribute checks when there are none.
  const mayHaveEditable = root.querySelector(EDITABLE_SELECTOR) !== null;
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  // Whether the text so far ends with a break.
  let atLineEnd = true;
  let lastParent: Node | null = null;
  let lastLine: Element | null = null;
  let skip = false;
  let skippedSince = false;
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  let count = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (++count % NODES_PER_STEP === 0) yield;
    const parent = node.parentNode;
    const lastParentBefore = lastParent;
    let newLine = false;
    if (parent !== lastParent) {
      lastParent = parent;
      skip = false;
      let line: Element | null = null;
      for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
        const tag = el.tagName;
        if (NEVER_SCAN_TAGS.has(tag) || (mayHaveEditable && isEditable(el))) {
          skip = true;
          break;
        }
        if (!line && BLOCK_TAGS.has(tag)) line = el;
      }
      line ??= root;
      newLine = line !== lastLine;
      lastLine = line;
    }
    const data = node.data;
    if (skip) {
      skippedSince = true;
      continue;
    }
    if (data.length === 0) continue;
    // A <br> between two text nodes of one parent ("MATS<br>SPAR") also ends a line.
    if (!atLineEnd && (newLine || skippedSince || (parent === lastParentBefore && node.previousSibling?.nodeName === 'BR'))) {
      parts.push(BLOCK_BREAK);
      length += 1;
    }
    skippedSince = false;
    if (withNodes) {
      nodes.push(node);
      starts.push(length);
    }
    parts.push(data);
    length += data.length;
    atLineEnd = false;
  }
  // One join, not a string grown piece by piece: 100,000 pieces make a string the engine would
  // have to flatten in one long step before searching it.
  return { text: parts.join(''), nodes, starts };
}

/** The text node holding offset `offset` of `body.text` (an end offset belongs to the node it ends). */
export function locate(
  body: BodyText,
  offset: number,
  isEnd: boolean,
): { node: Text; offset: number; index: number } | null {
  const { starts, nodes } = body;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid]!;
    if (s < offset || (!isEnd && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo];
  if (!node) return null;
  const local = offset - starts[lo]!;
  if (local < 0 || local > node.data.length) return null;
  return { node, offset: local, index: lo };
}
