/**
 * Every content-script feature, registered in one place. Each starts on its own: if one throws,
 * the others still run. A feature returns its clean-up (run when the session stops).
 */
import type { Page } from '../page';
import { hoverCards } from './hover-cards';
import { keyboardNext } from './keyboard-next';
import { marks } from './marks';
import { siteToggle } from './site-toggle';

export interface Feature {
  id: string;
  init(page: Page): (() => void) | void;
}

export const FEATURES: Feature[] = [marks, siteToggle, hoverCards, keyboardNext];
