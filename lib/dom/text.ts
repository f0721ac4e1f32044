/**
 * Reads the text of one post or comment body as the matcher sees it, without changing anything:
 * text nodes are concatenated (so `<b>MA</b>TS` reads "MATS"), a newline stands for each block
 * boundary (so "…MATS</p><p>Refine…" does not read "MATSRefine"), and editors, code and form
 * fields are skipped. `locate` maps a text offset back to a (text node, offset) position.
 */
import { BLOCK_TAGS, isNeverScanned, NEVER_SCAN_SELECTOR } from '../sites';

export interface BodyText {
  text: string;
  /** Text nodes in document order, and where each starts in `text`. */
  nodes: Text[];
  starts: number[];
}

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4; // NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT

const SHOW_TEXT = 0x4; // NodeFilter.SHOW_TEXT

/** The element that makes the line a text node is on (its nearest block ancestor, or `root`). */
function lineOf(node: Text, root: Element): Element {
  let el = node.parentElement;
  while (el && el !== root && !BLOCK_TAGS.has(el.tagName)) el = el.parentElement;
  return el ?? root;
}

export function readBodyText(root: Element): BodyText {
  // Most comments hold no code, editor or form field: then only text nodes need visiting.
  return root.querySelector(NEVER_SCAN_SELECTOR) ? readWithSkips(root) : readTextOnly(root);
}

function readTextOnly(root: Element): BodyText {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  let lastLine: Element | null = null;
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const data = node.data;
    if (data.length === 0) continue;
    const line = lineOf(node, root);
    const brBefore = node.previousSibling?.nodeName === 'BR';
    if ((line !== lastLine || brBefore) && text.length > 0 && text.charCodeAt(text.length - 1) !== 10) text += '\n';
    lastLine = line;
    nodes.push(node);
    starts.push(text.length);
    text += data;
  }
  return { text, nodes, starts };
}

function readWithSkips(root: Element): BodyText {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
  let node: Node | null = walker.nextNode();
  while (node) {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length > 0) {
        nodes.push(node as Text);
        starts.push(text.length);
        text += data;
      }
      node = walker.nextNode();
      continue;
    }
    const el = node as Element;
    if (isNeverScanned(el)) {
      // Skip the whole subtree: next sibling, or the next sibling of the nearest ancestor.
      node = walker.nextSibling();
      while (!node && walker.parentNode()) node = walker.nextSibling();
      if (text.length > 0 && text[text.length - 1] !== '\n') text += '\n';
      continue;
    }
    if (BLOCK_TAGS.has(el.tagName) && text.length > 0 && text[text.length - 1] !== '\n') text += '\n';
    node = walker.nextNode();
  }
  return { text, nodes, starts };
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
