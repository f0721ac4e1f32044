/** Reading and writing the settings through the extension storage API (any extension context). */
import { browser } from 'wxt/browser';
import { parseSettings, SETTINGS_KEY, type Settings } from '../settings';

export async function loadSettings(): Promise<Settings> {
  try {
    const got = await browser.storage.sync.get(SETTINGS_KEY);
    return parseSettings(got[SETTINGS_KEY]);
  } catch {
    return parseSettings(undefined);
  }
}

export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = parseSettings(change(await loadSettings()));
  await browser.storage.sync.set({ [SETTINGS_KEY]: next });
  return next;
}

export function onSettingsChanged(listener: (s: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) listener(parseSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
