/**
 * What the extension knows about the page: for each scanned body, its mentions; for each text
 * node, the mentions in it (for hit-testing). Plain bookkeeping; never touches the DOM.
 */
import type { MentionRef } from './scan';

export type IndexListener = (body: Element, added: readonly MentionRef[], removed: readonly MentionRef[]) => void;

export class PageIndex {
  private readonly bodies = new Map<Element, MentionRef[]>();
  private readonly byNode = new WeakMap<Text, MentionRef[]>();
  private readonly listeners = new Set<IndexListener>();

  onChange(listener: IndexListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(body: Element, refs: MentionRef[]): void {
    const old = this.bodies.get(body) ?? [];
    if (old.length === 0 && refs.length === 0) return;
    for (const ref of old) for (const n of ref.nodes) this.byNode.delete(n);
    if (refs.length > 0) this.bodies.set(body, refs);
    else this.bodies.delete(body);
    for (const ref of refs) {
      for (const n of ref.nodes) {
        const list = this.byNode.get(n);
        if (list) list.push(ref);
        else this.byNode.set(n, [ref]);
      }
    }
    for (const l of this.listeners) l(body, refs, old);
  }

  delete(body: Element): void {
    this.set(body, []);
  }

  mentionsIn(node: Text): readonly MentionRef[] | undefined {
    return this.byNode.get(node);
  }

  mentionsOf(body: Element): readonly MentionRef[] {
    return this.bodies.get(body) ?? [];
  }

  scannedBodies(): IterableIterator<Element> {
    return this.bodies.keys();
  }

  /** Every mention, in document order. */
  all(): MentionRef[] {
    const bodies = [...this.bodies.keys()].sort((a, b) =>
      a === b ? 0 : a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1,
    );
    return bodies.flatMap((b) => this.bodies.get(b)!);
  }

  /** Forget bodies that left the page (a re-render or navigation replaced them). */
  prune(): void {
    for (const body of [...this.bodies.keys()]) if (!body.isConnected) this.delete(body);
  }

  clear(): void {
    for (const body of [...this.bodies.keys()]) this.delete(body);
  }
}
