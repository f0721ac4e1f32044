/**
 * The reader's settings, as stored in `storage.sync` under one key. Parsing never throws:
 * unknown, corrupt or foreign values fall back to the defaults field by field, so a bad value
 * can never break the content script.
 *
 * Kept free of zod so the page does not pay for it. The extension's own pages and the background
 * read and write through the zod schema of `settings-schema.ts`, which must give the same result
 * for every input (`test/unit/settings.test.ts` checks the two against each other).
 *
 * Versions of the stored object:
 * - 0: no `version` field (or an invalid one). Read as version 1.
 * - 1: the first popup and options page. The on/off switch turned off one host, so turning
 *      LessWrong off on `www.lesswrong.com` left it on at `lesswrong.com`.
 * - 2: a switch turns off a whole site (every host of a forum). Migrating from 1 turns off the
 *      other hosts of a site that had one host turned off, which is what the reader meant
 *      ("Turn off on LessWrong"). Writers keep the lists closed over a site's hosts.
 * - above 2: written by a newer version on another synced device. Read field by field like the
 *      current version; the fields this version does not know are kept when it writes.
 */
import { SITES } from './sites';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 2;

export type HighlightStyleSetting = 'underline' | 'background' | 'none';
export const HIGHLIGHT_STYLES: readonly HighlightStyleSetting[] = ['underline', 'background', 'none'];

export interface Settings {
  version: number;
  /** Hosts where the extension is turned off (every host of a forum together). */
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

export const CARD_DELAY_MIN = 0;
export const CARD_DELAY_MAX = 2000;
/** Longest list kept (far above any real use; storage.sync allows 8 kB per item). */
export const MAX_LIST = 200;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  disabledSites: [],
  highlightStyle: 'underline',
  firstMentionOnly: false,
  cardDelayMs: 400,
  extraSites: [],
  followed: [],
});

export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, disabledSites: [], extraSites: [], followed: [] };
}

/** A DNS host name (lower case, at least two labels, no port). */
export const HOST_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** A program id, as in the data files. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The version a stored value says it has: 0 when it says nothing usable. */
export function storedVersion(raw: unknown): number {
  if (!isRecord(raw)) return 0;
  const v = own(raw, 'version');
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : 0;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A field of a stored value: own and enumerable only (what storage keeps), never inherited. */
function own(r: Record<string, unknown>, key: string): unknown {
  return Object.prototype.propertyIsEnumerable.call(r, key) ? r[key] : undefined;
}

function stringList(v: unknown, valid: RegExp): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = v.filter((x): x is string => typeof x === 'string' && valid.test(x));
  return [...new Set(out)].slice(0, MAX_LIST);
}

/** Every host of the forum `host` belongs to (itself alone for any other host). */
export function siteHosts(host: string): string[] {
  return SITES.find((s) => s.hosts.includes(host))?.hosts ?? [host];
}

/** The hosts with, for each forum host among them, the forum's other hosts (order kept). */
export function closeOverSites(hosts: readonly string[]): string[] {
  return [...new Set(hosts.flatMap(siteHosts))].slice(0, MAX_LIST);
}

export function clampCardDelay(ms: number): number {
  return Math.min(CARD_DELAY_MAX, Math.max(CARD_DELAY_MIN, Math.round(ms)));
}

/** Reads any stored value as current settings (migrating older versions). Never throws. */
export function parseSettings(raw: unknown): Settings {
  const s = defaultSettings();
  if (!isRecord(raw)) return s;
  s.disabledSites = stringList(own(raw, 'disabledSites'), HOST_PATTERN) ?? s.disabledSites;
  s.extraSites = stringList(own(raw, 'extraSites'), HOST_PATTERN) ?? s.extraSites;
  s.followed = stringList(own(raw, 'followed'), ID_PATTERN) ?? s.followed;
  const style = own(raw, 'highlightStyle');
  if (style === 'underline' || style === 'background' || style === 'none') s.highlightStyle = style;
  const first = own(raw, 'firstMentionOnly');
  if (typeof first === 'boolean') s.firstMentionOnly = first;
  const delay = own(raw, 'cardDelayMs');
  if (typeof delay === 'number' && Number.isFinite(delay)) s.cardDelayMs = clampCardDelay(delay);
  // 0/1 → 2: a host turned off means its whole site turned off.
  if (storedVersion(raw) < 2) s.disabledSites = closeOverSites(s.disabledSites);
  return s;
}

/**
 * What a writer stores: the settings made valid, lists closed over sites, and, when the stored
 * value comes from a newer version, that version's fields and number kept.
 */
export function toStored(next: Settings, stored: unknown): Record<string, unknown> {
  const clean = parseSettings({ ...next, version: SETTINGS_VERSION });
  clean.disabledSites = closeOverSites(clean.disabledSites);
  const newer = storedVersion(stored) > SETTINGS_VERSION && isRecord(stored) ? stored : null;
  return newer ? { ...newer, ...clean, version: newer.version } : { ...clean };
}

export function isSiteEnabled(settings: Settings, host: string): boolean {
  return !settings.disabledSites.includes(host);
}

/** Turns the site of `host` (all its hosts) on or off. */
export function withSiteEnabled(settings: Settings, host: string, enabled: boolean): Settings {
  const hosts = siteHosts(host);
  const rest = settings.disabledSites.filter((h) => !hosts.includes(h));
  return { ...settings, disabledSites: enabled ? rest : [...rest, ...hosts] };
}
