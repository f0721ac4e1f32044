/**
 * One body → its mentions as positions in the page's own text nodes. Reads only; the page's DOM
 * is never changed. Positions are kept as plain data; `toStaticRange` / `toRange` make range
 * objects when they are needed (highlights, hit-testing).
 */
import type { Matcher } from '../match/match';
import { locate, readBodyText } from './text';

export interface MentionRef {
  program: string;
  /** The mention as written. */
  text: string;
  body: Element;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  /** Text nodes the mention covers (more than one for `<b>MA</b>TS`). */
  nodes: Text[];
}

export function scanBody(body: Element, matcher: Matcher, context?: () => string): MentionRef[] {
  // First the text alone; the map from offsets to text nodes only for bodies that name a program.
  const { text } = readBodyText(body, false);
  if (text.length === 0) return [];
  const found = matcher.find(text, context);
  if (found.length === 0) return [];
  const read = readBodyText(body);
  const refs: MentionRef[] = [];
  for (const m of found) {
    const start = locate(read, m.start, false);
    const end = locate(read, m.end, true);
    if (!start || !end) continue;
    const first = start.index;
    const last = end.index;
    refs.push({
      program: m.program,
      text: m.text,
      body,
      startNode: start.node,
      startOffset: start.offset,
      endNode: end.node,
      endOffset: end.offset,
      nodes: first === last ? [start.node] : read.nodes.slice(first, last + 1),
    });
  }
  return refs;
}

export function toStaticRange(ref: MentionRef): StaticRange {
  return new StaticRange({
    startContainer: ref.startNode,
    startOffset: ref.startOffset,
    endContainer: ref.endNode,
    endOffset: ref.endOffset,
  });
}

export function toRange(ref: MentionRef): Range {
  const range = ref.body.ownerDocument.createRange();
  range.setStart(ref.startNode, ref.startOffset);
  range.setEnd(ref.endNode, ref.endOffset);
  return range;
}

/** Whether the page still shows the mention as scanned (React may have replaced or edited nodes). */
export function isIntact(ref: MentionRef): boolean {
  return (
    ref.startNode.isConnected &&
    ref.endNode.isConnected &&
    ref.startOffset <= ref.startNode.length &&
    ref.endOffset <= ref.endNode.length
  );
}
