/**
 * The settings' zod schema, for the extension's pages (popup, options, compare) and the
 * background: `SettingsSchema` is what a writer must produce (strict: a bad write is a bug and
 * throws), `readSettings` reads and migrates any stored value field by field (never throws).
 *
 * The content script cannot afford zod and reads with `parseSettings` (lib/settings.ts). The two
 * must agree on every input: `test/unit/settings.test.ts` checks them against each other on
 * valid, corrupt and foreign values. The versions are described in lib/settings.ts.
 */
import { z } from 'zod';
import {
  CARD_DELAY_MAX,
  CARD_DELAY_MIN,
  clampCardDelay,
  closeOverSites,
  DEFAULT_SETTINGS,
  HOST_PATTERN,
  ID_PATTERN,
  MAX_LIST,
  SETTINGS_VERSION,
  type HighlightStyleSetting,
  type Settings,
} from './settings';

const Host = z.string().regex(HOST_PATTERN);
const ProgramId = z.string().regex(ID_PATTERN);
const HighlightStyle = z.enum(['underline', 'background', 'none']) satisfies z.ZodType<HighlightStyleSetting>;

const unique = (xs: readonly string[]) => new Set(xs).size === xs.length;
const closed = (xs: readonly string[]) => closeOverSites(xs).length === xs.length;

/** The current version, as writers must store it. */
export const SettingsSchema = z
  .object({
    version: z.literal(SETTINGS_VERSION),
    disabledSites: z
      .array(Host)
      .max(MAX_LIST)
      .refine(unique, 'duplicate host')
      .refine(closed, 'a forum turned off on some of its hosts only'),
    highlightStyle: HighlightStyle,
    firstMentionOnly: z.boolean(),
    cardDelayMs: z.number().int().min(CARD_DELAY_MIN).max(CARD_DELAY_MAX),
    extraSites: z.array(Host).max(MAX_LIST).refine(unique, 'duplicate host'),
    followed: z.array(ProgramId).max(MAX_LIST).refine(unique, 'duplicate program'),
  })
  .strict();

/** A list read leniently: the valid items, first occurrence of each, at most MAX_LIST. */
function lenientList(item: z.ZodType<string>, fallback: readonly string[]) {
  return z
    .array(z.unknown())
    .transform((xs) =>
      [...new Set(xs.flatMap((x) => {
        const r = item.safeParse(x);
        return r.success ? [r.data] : [];
      }))].slice(0, MAX_LIST),
    )
    .catch(() => [...fallback]);
}

/** Any stored value, field by field: what is invalid or missing takes its default. */
const Stored = z.preprocess(
  // Own enumerable fields only (what storage keeps); anything but a plain object reads as {}.
  (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? { ...v } : {}),
  z.object({
    version: z.number().int().nonnegative().catch(0),
    disabledSites: lenientList(Host, DEFAULT_SETTINGS.disabledSites),
    highlightStyle: HighlightStyle.catch(DEFAULT_SETTINGS.highlightStyle),
    firstMentionOnly: z.boolean().catch(DEFAULT_SETTINGS.firstMentionOnly),
    cardDelayMs: z.number().transform(clampCardDelay).catch(DEFAULT_SETTINGS.cardDelayMs),
    extraSites: lenientList(Host, DEFAULT_SETTINGS.extraSites),
    followed: lenientList(ProgramId, DEFAULT_SETTINGS.followed),
  }),
);

type Fields = Omit<Settings, 'version'>;

/** Steps from one version to the next, applied in order to older values. */
const MIGRATIONS: { to: number; migrate: (s: Fields) => Fields }[] = [
  // 2: the on/off switch is per site; a v1 value turned off single hosts.
  { to: 2, migrate: (s) => ({ ...s, disabledSites: closeOverSites(s.disabledSites) }) },
];

/** Reads any stored value as current settings, migrating older versions. Never throws. */
export function readSettings(raw: unknown): Settings {
  const { version, ...fields } = Stored.parse(raw);
  let s: Fields = fields;
  for (const step of MIGRATIONS) if (version < step.to) s = step.migrate(s);
  return { version: SETTINGS_VERSION, ...s };
}

/**
 * The value to store for `next`: lists made unique and closed over sites, then checked against
 * the schema (throws on anything else: a writer's bug). When `stored` comes from a newer version
 * (another synced device), its fields and version number are kept.
 */
export function settingsToStore(next: Settings, stored: unknown): Record<string, unknown> {
  const checked = SettingsSchema.parse({
    ...next,
    version: SETTINGS_VERSION,
    disabledSites: closeOverSites(next.disabledSites),
    extraSites: [...new Set(next.extraSites)],
    followed: [...new Set(next.followed)],
  });
  const newer = z
    .looseObject({ version: z.number().int().gt(SETTINGS_VERSION) })
    .safeParse(stored);
  return newer.success ? { ...newer.data, ...checked, version: newer.data.version } : checked;
}
