/**
 * Settings for the extension's pages and the background, read and written through the zod schema
 * (lib/settings-schema.ts). The content script uses the zod-free `settings-store.ts` instead.
 */
import { browser } from 'wxt/browser';
import { readSettings, settingsToStore } from '../settings-schema';
import { SETTINGS_KEY, type Settings } from '../settings';
import { readStoredSettings } from './settings-store';

export function onSettingsChanged(listener: (s: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) listener(readSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

export async function loadSettings(): Promise<Settings> {
  return readSettings(await readStoredSettings());
}

/**
 * Changes the stored settings: reads what is stored now (not a copy the page may hold from
 * earlier), applies `change`, validates, writes. Writes from one page are queued, so two quick
 * clicks do not overwrite each other.
 */
export function saveSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const run = queue.then(async () => {
    const stored = await readStoredSettings();
    const value = settingsToStore(change(readSettings(stored)), stored);
    await browser.storage.sync.set({ [SETTINGS_KEY]: value });
    return readSettings(value);
  });
  queue = run.catch(() => undefined);
  return run;
}
let queue: Promise<unknown> = Promise.resolve();

/**
 * Rewrites the stored value in the current version when it is older, corrupt or not clean (run
 * by the background at install, update and start). Nothing stored: nothing written (the defaults
 * apply). Returns whether it wrote.
 */
export async function migrateStoredSettings(): Promise<boolean> {
  const stored = await readStoredSettings();
  if (stored === undefined) return false;
  const value = settingsToStore(readSettings(stored), stored);
  if (canonical(value) === canonical(stored)) return false;
  await browser.storage.sync.set({ [SETTINGS_KEY]: value });
  return true;
}

/** JSON with object keys sorted, to compare values whatever order storage gives their keys in. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_key, x: unknown) =>
    x !== null && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}
