/**
 * Pointer → mention → card, with no work while the pointer is anywhere else: listeners are put on
 * the bodies that have mentions (and taken off when they have none), so moving over the rest of
 * the page runs none of our code. Inside such a body, moves are hit-tested at most once per
 * animation frame. Mentions inside the site's own hover-preview links (posts, tags, users,
 * glossary terms) get no card of ours. Touch: a tap on a mention opens its card; while a card is
 * open, a tap elsewhere closes it.
 */
import { mentionAt, type Hit } from '../../../lib/dom/hit';
import type { Feature } from './index';

export const hoverCards: Feature = {
  id: 'hover-cards',
  init(page) {
    const { doc, index, card, signal } = page;
    let inBody: Element | null = null;
    let frame = 0;
    let lastX = 0;
    let lastY = 0;
    const listening = new Map<Element, AbortController>();

    const hitAt = (x: number, y: number): Hit | null => {
      // Mentions inside the site's own previews are not indexed at all (page.ts).
      return mentionAt(doc, x, y, (n) => index.mentionsIn(n));
    };
    const hitTest = () => {
      frame = 0;
      const hit = inBody ? hitAt(lastX, lastY) : null;
      card.hover(hit ? { ref: hit.ref, line: hit.line } : null);
    };
    const onMove = (e: PointerEvent) => {
      if (e.pointerType === 'touch') return;
      lastX = e.clientX;
      lastY = e.clientY;
      if (!frame) frame = requestAnimationFrame(hitTest);
    };
    const onTap = (e: PointerEvent) => {
      if (e.pointerType !== 'touch') return;
      const hit = hitAt(e.clientX, e.clientY);
      if (hit) card.activate({ ref: hit.ref, line: hit.line }, { focus: false });
    };

    const listen = (body: Element) => {
      if (listening.has(body)) return;
      const controller = new AbortController();
      const opts = { passive: true, signal: AbortSignal.any([controller.signal, signal]) };
      body.addEventListener(
        'pointerenter',
        () => {
          // An orphaned script (the extension was updated) stops here instead of failing later.
          if (!page.ctx.isInvalid) inBody = body;
        },
        opts,
      );
      body.addEventListener('pointermove', onMove as EventListener, opts);
      body.addEventListener(
        'pointerleave',
        () => {
          if (inBody === body) inBody = null;
          card.hover(null);
        },
        opts,
      );
      body.addEventListener('pointerup', onTap as EventListener, opts);
      listening.set(body, controller);
    };
    const unlisten = (body: Element) => {
      listening.get(body)?.abort();
      listening.delete(body);
      if (inBody === body) inBody = null;
    };
    const offIndex = index.onChange((body, added) => (added.length > 0 ? listen(body) : unlisten(body)));
    for (const body of index.scannedBodies()) listen(body);

    // While a card is open (and only then), a tap outside it and outside mentions closes it.
    const onOutsideTap = (e: PointerEvent) => {
      if (e.pointerType !== 'touch' || card.ownsEvent(e)) return;
      if (!(e.target instanceof Node) || ![...listening.keys()].some((b) => b.contains(e.target as Node))) card.close();
    };
    const offOpen = card.onVisibilityChange((open) => {
      if (open) doc.addEventListener('pointerdown', onOutsideTap, { passive: true, signal });
      else doc.removeEventListener('pointerdown', onOutsideTap);
    });

    return () => {
      cancelAnimationFrame(frame);
      offIndex();
      offOpen();
      for (const body of [...listening.keys()]) unlisten(body);
      doc.removeEventListener('pointerdown', onOutsideTap);
    };
  },
};
