/**
 * Following a program (deadline reminders), from the popup, the compare page or the options. The
 * notifications permission is asked for when the reader follows and it is not granted yet: at
 * the first follow, never at install. `permissions.request` needs the click's user gesture, so
 * `setFollowed` must be called straight from the click handler (it asks before any await).
 */
import { browser } from 'wxt/browser';
import { saveSettings } from './settings-sync';

/** Asks for the notifications permission (from a click handler). Resolves to whether granted. */
export function requestNotifications(): Promise<boolean> {
  return browser.permissions.request({ permissions: ['notifications'] }).catch(() => false);
}

/**
 * Follows or unfollows `id`. When following and notifications are not known to be allowed, asks
 * first (the follow is kept either way: reminders start once notifications are allowed).
 */
export function setFollowed(id: string, follow: boolean, notificationsGranted: boolean | null): Promise<void> {
  const asked = follow && notificationsGranted !== true ? requestNotifications() : Promise.resolve(true);
  return asked
    .then(() =>
      saveSettings((s) => ({
        ...s,
        followed: follow ? [...s.followed.filter((f) => f !== id), id] : s.followed.filter((f) => f !== id),
      })),
    )
    .then(() => undefined);
}
