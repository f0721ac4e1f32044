/**
 * One body → its mentions as positions in the page's own text nodes. Reads only; the page's DOM
 * is never changed. Positions are kept as plain data; `toStaticRange` / `toRange` make range
 * objects when they are needed (highlights, hit-testing).
 */
import type { Matcher } from '../match/match';
import type { Mention } from '../match/types';
import { BodyTextReader, locate, NODES_PER_STEP, readBodyText, readBodyTextSteps, type BodyText } from './text';

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

/** Text longer than this is matched a chunk at a time (each chunk its own context unit). */
export const CHUNK_CHARS = 100_000;

/** One body's mentions, by the content script's own path, run to completion (tests, tools). */
export function scanBody(body: Element, matcher: Matcher, context?: () => string): MentionRef[] {
  const work = scanBodyWork(body, matcher, context);
  if (Array.isArray(work)) return work;
  for (;;) {
    const r = work.next();
    if (r.done) return r.value;
  }
}

/**
 * What the content script runs for a body: its mentions at once for an ordinary body
 * (≤ NODES_PER_STEP text nodes and ≤ CHUNK_CHARS of text; no generator on this path, which almost
 * every body takes), or, for a very large one, a generator that goes on from what was already
 * read, pausing between steps.
 */
export function scanBodyWork(
  body: Element,
  matcher: Matcher,
  context?: () => string,
): MentionRef[] | Generator<void, MentionRef[]> {
  const reader = new BodyTextReader(body, false);
  if (!reader.read(NODES_PER_STEP)) return scanBodySteps(body, matcher, context);
  const { text } = reader.result();
  if (text.length > CHUNK_CHARS) return scanBodySteps(body, matcher, context, text);
  if (text.length === 0) return [];
  const found = matcher.find(text, context);
  return found.length === 0 ? [] : refsFor(body, found, readBodyText(body));
}

/**
 * One body's mentions, pausing (yielding) where the work may be split across idle slices: a
 * body of 100,000 text nodes or 10 MB of text must not hold the page for long.
 */
export function* scanBodySteps(
  body: Element,
  matcher: Matcher,
  context?: () => string,
  /** The body's text, if it was read already (reading 10 MB twice is not free). */
  preread?: string,
): Generator<void, MentionRef[]> {
  // First the text alone; the map from offsets to text nodes only for bodies that name a program.
  const text = preread ?? (yield* readBodyTextSteps(body, false)).text;
  if (text.length === 0) return [];
  let found: Mention[];
  if (text.length <= CHUNK_CHARS) {
    found = matcher.find(text, context);
  } else {
    found = [];
    for (let from = 0; from < text.length; ) {
      // End each chunk at a space, so no name is cut in two.
      let to = Math.min(text.length, from + CHUNK_CHARS);
      if (to < text.length) {
        const space = text.lastIndexOf(' ', to);
        if (space > from + CHUNK_CHARS / 2) to = space;
      }
      for (const m of matcher.find(text.slice(from, to))) found.push({ ...m, start: m.start + from, end: m.end + from });
      from = to;
      yield;
    }
  }
  if (found.length === 0) return [];
  yield;
  return refsFor(body, found, yield* readBodyTextSteps(body));
}

/** Mentions found in a body's text, as positions in its text nodes. */
function refsFor(body: Element, found: Mention[], read: BodyText): MentionRef[] {
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
