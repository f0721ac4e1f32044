/**
 * Reading and writing the settings through the extension storage API, zod-free: this is what the
 * content script uses (its size is budgeted). The extension's pages and the background use
 * `settings-sync.ts`, which validates with the zod schema.
 */
import { browser } from 'wxt/browser';
import { parseSettings, SETTINGS_KEY, toStored, type Settings } from '../settings';

export async function readStoredSettings(): Promise<unknown> {
  try {
    const got = await browser.storage.sync.get(SETTINGS_KEY);
    return got[SETTINGS_KEY];
  } catch {
    return undefined;
  }
}

export async function loadSettings(): Promise<Settings> {
  return parseSettings(await readStoredSettings());
}

export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const stored = await readStoredSettings();
  const value = toStored(change(parseSettings(stored)), stored);
  await browser.storage.sync.set({ [SETTINGS_KEY]: value });
  return parseSettings(value);
}

export function onSettingsChanged(listener: (s: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) listener(parseSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
