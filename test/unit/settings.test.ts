/**
 * The settings' two readers: the zod-free `parseSettings` (content script) and the zod schema's
 * `readSettings` (pages, background) must agree on every input; migrations; what writers store.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSettings, SettingsSchema, settingsToStore } from '../../lib/settings-schema';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  SETTINGS_VERSION,
  toStored,
  withSiteEnabled,
  type Settings,
} from '../../lib/settings';
import { SITES } from '../../lib/sites';

const forumHosts = SITES.flatMap((s) => s.hosts);
const host = fc.oneof(
  fc.constantFrom(...forumHosts, 'example.org', 'blog.example.com', 'substack.com'),
  fc.domain(),
);
const id = fc.oneof(fc.constantFrom('mats', 'pibbss', 'ai-safety-camp', 'spar'), fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/));
const junk = fc.oneof(
  fc.string(),
  fc.constantFrom('Example.ORG', 'https://example.org', 'exa mple.org', '', '-bad-.com', 'MATS', 'a--', '__proto__'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.object({ maxDepth: 1 }),
);
const list = <T>(item: fc.Arbitrary<T>) => fc.array(fc.oneof({ weight: 4, arbitrary: item }, { weight: 1, arbitrary: junk }), { maxLength: 8 });

/** Settings-shaped values of any version, some fields wrong, some missing, some foreign. */
const settingsLike = fc.record(
  {
    version: fc.oneof(fc.constantFrom(0, 1, 2, 3, 17, -1, 1.5, '2', NaN, Infinity, null), fc.integer()),
    disabledSites: fc.oneof(list(host), junk),
    extraSites: fc.oneof(list(host), junk),
    followed: fc.oneof(list(id), junk),
    highlightStyle: fc.oneof(fc.constantFrom('underline', 'background', 'none', 'Underline', 'bold'), junk),
    firstMentionOnly: fc.oneof(fc.boolean(), junk),
    cardDelayMs: fc.oneof(fc.integer({ min: -100, max: 5000 }), fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, '400'), junk),
    theme: junk,
    sites: fc.dictionary(fc.string(), fc.boolean()),
  },
  { requiredKeys: [] },
);

const anyStored = fc.oneof(
  { weight: 5, arbitrary: settingsLike },
  { weight: 2, arbitrary: fc.anything() },
  { weight: 1, arbitrary: fc.jsonValue() },
  { weight: 1, arbitrary: fc.array(settingsLike, { maxLength: 2 }) },
);

/** Valid current settings, as a writer may produce them. */
const validSettings: fc.Arbitrary<Settings> = fc
  .record({
    disabledSites: fc.uniqueArray(host, { maxLength: 6 }),
    extraSites: fc.uniqueArray(host.filter((h) => !forumHosts.includes(h)), { maxLength: 6 }),
    followed: fc.uniqueArray(id, { maxLength: 6 }),
    highlightStyle: fc.constantFrom('underline' as const, 'background' as const, 'none' as const),
    firstMentionOnly: fc.boolean(),
    cardDelayMs: fc.integer({ min: 0, max: 2000 }),
  })
  .map((s) => ({ version: SETTINGS_VERSION, ...s }));

describe('the two settings readers', () => {
  it('agree on valid, corrupt and foreign stored values', () => {
    fc.assert(
      fc.property(anyStored, (raw) => {
        expect(readSettings(raw)).toEqual(parseSettings(raw));
      }),
      { numRuns: 3000 },
    );
  });

  it('agree on the hand-picked cases', () => {
    const cases: unknown[] = [
      undefined,
      null,
      0,
      'settings',
      [],
      [DEFAULT_SETTINGS],
      {},
      new Date(0),
      Object.create(null),
      Object.create({ firstMentionOnly: true, version: 2 }),
      { version: 2, cardDelayMs: 2000.4 },
      { version: 2, cardDelayMs: -0.4 },
      { version: 2, cardDelayMs: 99999 },
      { version: 2, cardDelayMs: Number.MAX_VALUE },
      { version: Number.MAX_SAFE_INTEGER + 1, disabledSites: ['www.lesswrong.com'] },
      { version: -0, disabledSites: ['www.lesswrong.com'] },
      { version: 2, disabledSites: ['www.lesswrong.com', 'www.lesswrong.com', 'WWW.lesswrong.com'] },
      { version: 2, followed: Array.from({ length: 300 }, (_, i) => `p${i}`) },
      { version: 2, extraSites: [...Array<string>(250).fill('example.org'), 'a.example.org', 'b.example.org'] },
      JSON.parse('{"__proto__": {"highlightStyle": "none"}, "version": 1}'),
    ];
    for (const raw of cases) expect(readSettings(raw), JSON.stringify(raw)).toEqual(parseSettings(raw));
  });

  it('never throw, and always give valid current settings', () => {
    fc.assert(
      fc.property(anyStored, (raw) => {
        const s = parseSettings(raw);
        expect(s.version).toBe(SETTINGS_VERSION);
        // A v2 value may turn off one host of a forum only (it is read as written).
        expect(SettingsSchema.safeParse({ ...s, disabledSites: [] }).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('read valid current settings unchanged', () => {
    fc.assert(
      fc.property(validSettings, (s) => {
        const stored = settingsToStore(s, undefined);
        expect(parseSettings(stored)).toEqual(readSettings(stored));
        expect(readSettings(stored)).toEqual({ ...s, disabledSites: readSettings(stored).disabledSites });
        expect(new Set(readSettings(stored).disabledSites)).toEqual(
          new Set(s.disabledSites.flatMap((h) => SITES.find((x) => x.hosts.includes(h))?.hosts ?? [h])),
        );
      }),
    );
  });
});

describe('migrations', () => {
  it('version 1 (and no version): a forum host turned off turns off the whole forum', () => {
    for (const version of [1, undefined, 0, 'x']) {
      const v1 = { version, disabledSites: ['www.lesswrong.com', 'example.org'], highlightStyle: 'background', cardDelayMs: 250 };
      const expected = {
        ...DEFAULT_SETTINGS,
        disabledSites: ['lesswrong.com', 'www.lesswrong.com', 'example.org'],
        highlightStyle: 'background',
        cardDelayMs: 250,
      };
      expect(parseSettings(v1)).toEqual(expected);
      expect(readSettings(v1)).toEqual(expected);
    }
  });

  it('version 2 is read as written', () => {
    const v2 = { ...DEFAULT_SETTINGS, disabledSites: ['www.lesswrong.com'] };
    expect(parseSettings(v2).disabledSites).toEqual(['www.lesswrong.com']);
    expect(readSettings(v2).disabledSites).toEqual(['www.lesswrong.com']);
  });

  it('a newer version from another device: known fields read, its own fields kept on write', () => {
    const v3 = { ...DEFAULT_SETTINGS, version: 3, followed: ['mats'], theme: 'sepia', sites: { 'example.org': true } };
    const read = readSettings(v3);
    expect(read).toEqual({ ...DEFAULT_SETTINGS, followed: ['mats'] });
    const next = { ...read, followed: ['mats', 'spar'] };
    const written = settingsToStore(next, v3);
    expect(written).toEqual({ ...v3, followed: ['mats', 'spar'] });
    expect(toStored(next, v3)).toEqual(written);
  });

  it('corrupt values fall back to the defaults field by field', () => {
    expect(parseSettings({ version: 2, highlightStyle: 'bold', cardDelayMs: 'soon', followed: 'mats', extraSites: [1, 'ok.example.org'] })).toEqual({
      ...DEFAULT_SETTINGS,
      extraSites: ['ok.example.org'],
    });
    expect(parseSettings('{"version":2}')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ version: 2, cardDelayMs: 5000 }).cardDelayMs).toBe(2000);
    expect(parseSettings({ version: 2, cardDelayMs: -5 }).cardDelayMs).toBe(0);
  });
});

describe('writers', () => {
  it('store the same value through zod or without it', () => {
    fc.assert(
      fc.property(validSettings, fc.oneof(fc.constant(undefined), settingsLike), (s, stored) => {
        expect(settingsToStore(s, stored)).toEqual(toStored(s, stored));
      }),
    );
  });

  it('close a forum over its hosts, so the card\'s "Turn off on LessWrong" turns off all of it', () => {
    const s = { ...DEFAULT_SETTINGS, disabledSites: ['www.lesswrong.com'] };
    expect(settingsToStore(s, undefined).disabledSites).toEqual(['lesswrong.com', 'www.lesswrong.com']);
    expect(toStored(s, undefined).disabledSites).toEqual(['lesswrong.com', 'www.lesswrong.com']);
  });

  it('refuse invalid settings (a writer bug) instead of storing them', () => {
    const bad: unknown[] = [
      { ...DEFAULT_SETTINGS, extraSites: ['Not A Host'] },
      { ...DEFAULT_SETTINGS, followed: ['MATS'] },
      { ...DEFAULT_SETTINGS, cardDelayMs: 12.5 },
      { ...DEFAULT_SETTINGS, cardDelayMs: 9000 },
      { ...DEFAULT_SETTINGS, highlightStyle: 'bold' },
    ];
    for (const s of bad) expect(() => settingsToStore(s as Settings, undefined)).toThrow();
  });

  it('turn a site on and off as a whole', () => {
    const off = withSiteEnabled({ ...DEFAULT_SETTINGS, disabledSites: ['example.org'] }, 'lesswrong.com', false);
    expect(off.disabledSites).toEqual(['example.org', 'lesswrong.com', 'www.lesswrong.com']);
    expect(withSiteEnabled(off, 'www.lesswrong.com', true).disabledSites).toEqual(['example.org']);
    expect(withSiteEnabled(off, 'example.org', true).disabledSites).toEqual(['lesswrong.com', 'www.lesswrong.com']);
  });
});
