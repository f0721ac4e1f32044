/** Settings through the storage API (WXT's fake browser): reading, writing, migrating in place. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings as loadChecked, migrateStoredSettings, onSettingsChanged, saveSettings } from '../../lib/ext/settings-sync';
import { loadSettings, updateSettings } from '../../lib/ext/settings-store';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../lib/settings';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const stored = async () => (await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
const store = (value: unknown) => fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: value });

beforeEach(() => fakeBrowser.reset());

describe('reading', () => {
  it('gives the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await loadChecked()).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    ['a string', 'not settings'],
    ['a number', 42],
    ['an array', [1, 2]],
    ['garbage fields', { version: 'x', highlightStyle: 7, disabledSites: 'all', cardDelayMs: 'slow' }],
  ])('gives the defaults for %s, in the content script and the pages alike', async (_name, value) => {
    await store(value);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await loadChecked()).toEqual(DEFAULT_SETTINGS);
  });

  it('survives a storage that throws', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValueOnce(new Error('quota')).mockRejectedValueOnce(new Error('quota'));
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await loadChecked()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('writing', () => {
  it('stores a valid current value and tells listeners', async () => {
    const seen: Settings[] = [];
    const off = onSettingsChanged((s) => seen.push(s));
    await saveSettings((s) => ({ ...s, highlightStyle: 'background', followed: ['mats'] }));
    off();
    expect(await stored()).toEqual({ ...DEFAULT_SETTINGS, highlightStyle: 'background', followed: ['mats'] });
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, highlightStyle: 'background', followed: ['mats'] }]);
  });

  it('applies each change to what is stored now: quick writes do not overwrite each other', async () => {
    await Promise.all([
      saveSettings((s) => ({ ...s, followed: [...s.followed, 'mats'] })),
      saveSettings((s) => ({ ...s, followed: [...s.followed, 'spar'] })),
      saveSettings((s) => ({ ...s, firstMentionOnly: true })),
    ]);
    expect(await loadChecked()).toEqual({ ...DEFAULT_SETTINGS, followed: ['mats', 'spar'], firstMentionOnly: true });
  });

  it('refuses an invalid write and leaves the stored value alone', async () => {
    await saveSettings((s) => ({ ...s, cardDelayMs: 300 }));
    await expect(saveSettings((s) => ({ ...s, extraSites: ['not a host'] }))).rejects.toThrow();
    expect(await stored()).toEqual({ ...DEFAULT_SETTINGS, cardDelayMs: 300 });
    // The queue goes on after a failed write.
    await saveSettings((s) => ({ ...s, cardDelayMs: 350 }));
    expect((await loadChecked()).cardDelayMs).toBe(350);
  });

  it('the content script\'s "Turn off on LessWrong" turns off the whole forum', async () => {
    await updateSettings((s) => ({ ...s, disabledSites: [...s.disabledSites, 'www.lesswrong.com'] }));
    expect((await stored() as Settings).disabledSites).toEqual(['lesswrong.com', 'www.lesswrong.com']);
  });
});

describe('migrating the stored value (background, at install and update)', () => {
  it('rewrites a version 1 value as version 2', async () => {
    await store({ version: 1, disabledSites: ['forum.effectivealtruism.org', 'www.greaterwrong.com'], followed: ['mats'] });
    expect(await migrateStoredSettings()).toBe(true);
    expect(await stored()).toEqual({
      ...DEFAULT_SETTINGS,
      disabledSites: ['forum.effectivealtruism.org', 'www.greaterwrong.com', 'ea.greaterwrong.com'],
      followed: ['mats'],
    });
    // Done once: a second run changes nothing.
    expect(await migrateStoredSettings()).toBe(false);
  });

  it('replaces a corrupt value with the defaults, and writes nothing when nothing is stored', async () => {
    expect(await migrateStoredSettings()).toBe(false);
    expect(await stored()).toBeUndefined();
    await store({ version: 2, highlightStyle: { evil: true }, extraSites: 'example.org' });
    expect(await migrateStoredSettings()).toBe(true);
    expect(await stored()).toEqual(DEFAULT_SETTINGS);
  });

  it('leaves a value from a newer version alone', async () => {
    const newer = { ...DEFAULT_SETTINGS, version: 5, followed: ['spar'], newThing: { a: 1 } };
    await store(newer);
    expect(await migrateStoredSettings()).toBe(false);
    await saveSettings((s) => ({ ...s, firstMentionOnly: true }));
    expect(await stored()).toEqual({ ...newer, firstMentionOnly: true });
  });
});
