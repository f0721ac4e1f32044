/**
 * Pointer → mention → card. No work while the pointer is outside post and comment bodies: a
 * `pointerover` (fired only when crossing element boundaries) tells when it enters one, and only
 * then is a `pointermove` listener attached, hit-testing at most once per animation frame.
 * Mentions inside the site's own hover-preview links (posts, tags, users, glossary terms) get no
 * card of ours.
 */
import { mentionAt } from '../../../lib/dom/hit';
import { scannedSelector } from '../../../lib/sites';
import type { Feature } from './index';

export const hoverCards: Feature = {
  id: 'hover-cards',
  init(page) {
    const { doc, index, card, site, signal } = page;
    const bodySelector = scannedSelector(site);
    let inBody: Element | null = null;
    let frame = 0;
    let lastX = 0;
    let lastY = 0;

    const hitTest = () => {
      frame = 0;
      if (!inBody || index.mentionsOf(inBody).length === 0) return card.hover(null);
      const hit = mentionAt(doc, lastX, lastY, (n) => index.mentionsIn(n));
      if (!hit || hit.ref.startNode.parentElement?.closest(site.ownPreviews)) return card.hover(null);
      card.hover({ ref: hit.ref, line: hit.line });
    };
    const onMove = (e: PointerEvent) => {
      if (e.pointerType === 'touch') return;
      lastX = e.clientX;
      lastY = e.clientY;
      if (!frame) frame = requestAnimationFrame(hitTest);
    };
    const enter = (body: Element | null) => {
      if (body === inBody) return;
      if (!inBody && body) doc.addEventListener('pointermove', onMove, { passive: true, signal });
      if (inBody && !body) doc.removeEventListener('pointermove', onMove);
      inBody = body;
    };

    doc.addEventListener(
      'pointerover',
      (e) => {
        if (card.ownsEvent(e)) return enter(null); // over our card: its own events keep it open
        const t = e.target;
        const body = t instanceof Element ? t.closest(bodySelector) : null;
        if (!body) card.hover(null);
        enter(body);
      },
      { passive: true, signal },
    );
    doc.documentElement.addEventListener(
      'pointerleave',
      () => {
        enter(null);
        card.hover(null);
      },
      { passive: true, signal },
    );

    // Touch: a tap on a mention opens its card; a tap elsewhere closes it.
    doc.addEventListener(
      'pointerup',
      (e) => {
        if (e.pointerType !== 'touch' || card.ownsEvent(e)) return;
        const hit = mentionAt(doc, e.clientX, e.clientY, (n) => index.mentionsIn(n));
        if (hit && !hit.ref.startNode.parentElement?.closest(site.ownPreviews)) {
          card.activate({ ref: hit.ref, line: hit.line }, { focus: false });
        } else if (card.isOpen) {
          card.close();
        }
      },
      { passive: true, signal },
    );
    return () => {
      cancelAnimationFrame(frame);
      doc.removeEventListener('pointermove', onMove);
    };
  },
};
