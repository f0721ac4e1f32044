/**
 * Hover timing, in one place (after Wikipedia Page Previews, `src/constants.js`).
 * SHOW_DELAY: the pointer must rest on a mention this long before its card opens, so that text
 * merely crossed on the way elsewhere opens nothing. HIDE_DELAY: after the pointer leaves the
 * mention or the card, the card waits this long, so the pointer can travel onto it.
 */
export const SHOW_DELAY_MS = 400;
export const HIDE_DELAY_MS = 300;
