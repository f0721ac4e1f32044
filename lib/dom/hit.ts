/**
 * From a pointer position to the mention under it, without any element of ours in the page:
 * the browser's caret-from-point gives the text node and offset, the page index gives the
 * mentions in that node, and the mention's line boxes confirm the pointer is really on it
 * (a caret position is also returned for blank space after the end of a line).
 */
import { toRange, type MentionRef } from './scan';

export interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export function caretAt(doc: Document, x: number, y: number): CaretPoint | null {
  const d = doc as CaretDoc;
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

export interface Hit {
  ref: MentionRef;
  /** The line box of the mention under the pointer (a wrapped mention has several). */
  rect: DOMRect;
  /** Which of the mention's line boxes that is. */
  line: number;
}

const SLOP = 1;

/** The line box of `ref` that contains (x, y), if any. */
export function lineBoxAt(ref: MentionRef, x: number, y: number): { rect: DOMRect; line: number } | null {
  const rects = toRange(ref).getClientRects();
  for (let line = 0; line < rects.length; line++) {
    const rect = rects[line]!;
    if (x >= rect.left - SLOP && x <= rect.right + SLOP && y >= rect.top - SLOP && y <= rect.bottom + SLOP) {
      return { rect, line };
    }
  }
  return null;
}

export function mentionAt(
  doc: Document,
  x: number,
  y: number,
  mentionsIn: (node: Text) => readonly MentionRef[] | undefined,
): Hit | null {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== 3) return null;
  const refs = mentionsIn(caret.node as Text);
  if (!refs) return null;
  for (const ref of refs) {
    const box = lineBoxAt(ref, x, y);
    if (box) return { ref, ...box };
  }
  return null;
}
