/** Messages between the extension's contexts (background, content script, popup). */
export const NEXT_MENTION_MESSAGE = 'programs-lens:next-mention';
export const PAGE_INFO_MESSAGE = 'programs-lens:page-info';
export const SCROLL_TO_MESSAGE = 'programs-lens:scroll-to';
/** Content script → background: open the compare page at a program's row, in a new tab. */
export const OPEN_COMPARE_MESSAGE = 'programs-lens:open-compare';
/** Content script → background: the card data of one program (kept out of the page's bundle). */
export const PROGRAM_MESSAGE = 'programs-lens:program';
/**
 * Options → background: make the registered content script match the extra sites (after one was
 * added or removed). Replies with the match patterns now registered.
 */
export const SYNC_EXTRA_SITES_MESSAGE = 'programs-lens:sync-extra-sites';

export interface ProgramReply {
  program: import('./dataset/types').CompiledProgram;
  repository: string;
}

/** What the content script reports about its tab. */
export interface PageInfo {
  host: string;
  siteLabel: string;
  enabled: boolean;
  /** Programs mentioned on the page, in order of first mention, with how often. */
  mentions: { program: string; count: number }[];
}

export function isMessage(message: unknown, type: string): message is { type: string; program?: string } {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}
