/**
 * The reader's settings, as stored in `storage.sync` under one key. Parsing never throws:
 * unknown, corrupt or foreign values fall back to the defaults field by field, so a bad value
 * can never break the content script. (Kept free of zod so the page does not pay for it; the
 * options page validates what it writes with the same function.)
 */

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

export type HighlightStyleSetting = 'underline' | 'background' | 'none';

export interface Settings {
  version: number;
  /** Hosts where the extension is turned off. */
  disabledSites: string[];
  highlightStyle: HighlightStyleSetting;
  firstMentionOnly: boolean;
  /** Delay before a card opens, ms. */
  cardDelayMs: number;
  /** Extra hosts the reader added (with their permission). */
  extraSites: string[];
  /** Program ids the reader follows (deadline reminders). */
  followed: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  disabledSites: [],
  highlightStyle: 'underline',
  firstMentionOnly: false,
  cardDelayMs: 400,
  extraSites: [],
  followed: [],
});

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function stringList(v: unknown, valid: RegExp, max = 500): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = v.filter((x): x is string => typeof x === 'string' && valid.test(x)).slice(0, max);
  return [...new Set(out)];
}

export function parseSettings(raw: unknown): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS, disabledSites: [], extraSites: [], followed: [] };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return s;
  const r = raw as Record<string, unknown>;
  s.disabledSites = stringList(r.disabledSites, HOST) ?? s.disabledSites;
  s.extraSites = stringList(r.extraSites, HOST) ?? s.extraSites;
  s.followed = stringList(r.followed, ID) ?? s.followed;
  if (r.highlightStyle === 'underline' || r.highlightStyle === 'background' || r.highlightStyle === 'none') {
    s.highlightStyle = r.highlightStyle;
  }
  if (typeof r.firstMentionOnly === 'boolean') s.firstMentionOnly = r.firstMentionOnly;
  if (typeof r.cardDelayMs === 'number' && Number.isFinite(r.cardDelayMs)) {
    s.cardDelayMs = Math.min(2000, Math.max(0, Math.round(r.cardDelayMs)));
  }
  return s;
}

export function isSiteEnabled(settings: Settings, host: string): boolean {
  return !settings.disabledSites.includes(host);
}
