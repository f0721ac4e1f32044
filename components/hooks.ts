/** Hooks shared by the extension's pages (popup, options, compare). */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { loadSettings, onSettingsChanged } from '../lib/ext/settings-sync';
import type { Settings } from '../lib/settings';

/** The settings, kept current (null until read). */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    void loadSettings().then((s) => live && setSettings(s));
    const off = onSettingsChanged(setSettings);
    return () => {
      live = false;
      off();
    };
  }, []);
  return settings;
}

/** Whether notifications are allowed (null until known); kept current while the page is open. */
export function useNotificationsGranted(): boolean | null {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    const check = () =>
      void browser.permissions
        .contains({ permissions: ['notifications'] })
        .then(setGranted, () => setGranted(false));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);
  return granted;
}
