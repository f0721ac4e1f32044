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
  const reader = new BodyTextReader(root, withNodes);
  reader.read(Infinity);
  return reader.result();
}

/** How many text nodes are read between two points where the reading may pause. */
export const NODES_PER_STEP = 1000;

/** readBodyText, pausing (yielding) every NODES_PER_STEP text nodes: for very large bodies. */
export function* readBodyTextSteps(root: Element, withNodes = true): Generator<void, BodyText> {
  const reader = new BodyTextReader(root, withNodes);
  while (!reader.read(NODES_PER_STEP)) yield;
  return reader.result();
}

/**
 * One walk over the body's text nodes (about as cheap as walking them at all), resumable: when a
 * text node's parent differs from the previous one's, its ancestors up to the body say whether it
 * lies in something never scanned (an editor, code, a form field) and which block it belongs to.
 */
export class BodyTextReader {
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  private readonly parts: string[] = [];
  private length = 0;
  /** Whether the text so far ends with a break. */
  private atLineEnd = true;
  private lastParent: Node | null = null;
  private lastLine: Element | null = null;
  private skip = false;
  private skippedSince = false;
  private readonly walker: TreeWalker;
  /** Editable regions are rare: asked once, and the attribute checks skipped when there are none. */
  private readonly mayHaveEditable: boolean;
  private done = false;

  constructor(
    private readonly root: Element,
    private readonly withNodes: boolean,
  ) {
    this.mayHaveEditable = root.querySelector(EDITABLE_SELECTOR) !== null;
    this.walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  }

  /** Reads up to `maxNodes` more text nodes; true once the whole body has been read. */
  read(maxNodes: number): boolean {
    const { root, walker, withNodes, nodes, starts, parts } = this;
    let count = 0;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const parent = node.parentNode;
      const lastParentBefore = this.lastParent;
      let newLine = false;
      if (parent !== this.lastParent) {
        this.lastParent = parent;
        this.skip = false;
        let line: Element | null = null;
        for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
          const tag = el.tagName;
          if (NEVER_SCAN_TAGS.has(tag) || (this.mayHaveEditable && isEditable(el))) {
            this.skip = true;
            break;
          }
          if (!line && BLOCK_TAGS.has(tag)) line = el;
        }
        line ??= root;
        newLine = line !== this.lastLine;
        this.lastLine = line;
      }
      const data = node.data;
      if (this.skip) {
        this.skippedSince = true;
      } else if (data.length > 0) {
        // A <br> between two text nodes of one parent ("MATS<br>SPAR") also ends a line.
        const br = parent === lastParentBefore && node.previousSibling?.nodeName === 'BR';
        if (!this.atLineEnd && (newLine || this.skippedSince || br)) {
          parts.push(BLOCK_BREAK);
          this.length += 1;
        }
        this.skippedSince = false;
        if (withNodes) {
          nodes.push(node);
          starts.push(this.length);
        }
        parts.push(data);
        this.length += data.length;
        this.atLineEnd = false;
      }
      if (++count >= maxNodes) return false;
    }
    this.done = true;
    return true;
  }

  /**
   * The text read. One join, not a string grown piece by piece: 100,000 pieces make a string the
   * engine would have to flatten in one long step before searching it.
   */
  result(): BodyText {
    if (!this.done) throw new Error('BodyTextReader: not read to the end');
    return { text: this.parts.join(''), nodes: this.nodes, starts: this.starts };
  }
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
  // `length`, not `data.length`: in Firefox a content script reading `data` copies the whole text
  // (10 MB in one node: 15 ms a time).
  if (local < 0 || local > node.length) return null;
  return { node, offset: local, index: lo };
}
