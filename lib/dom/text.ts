/**
 * Reads the text of one post or comment body as the matcher sees it, without changing anything:
 * text nodes are concatenated (so `<b>MA</b>TS` reads "MATS"), a newline stands for each block
 * boundary (so "…MATS</p><p>Refine…" does not read "MATSRefine"), and editors, code and form
 * fields are skipped. `locate` maps a text offset back to a (text node, offset) position.
 */
import { BLOCK_TAGS, isNeverScanned } from '../sites';

export interface BodyText {
  text: string;
  /** Text nodes in document order, and where each starts in `text`. */
  nodes: Text[];
  starts: number[];
}

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4; // NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT

export function readBodyText(root: Element): BodyText {
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
