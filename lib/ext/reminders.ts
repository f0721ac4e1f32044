/**
 * Reminders for followed programs, the browser side: the decision is lib/reminders.ts (pure).
 * Here: when to check (a daily alarm, plus one alarm at the next moment a reminder can become
 * due), what was already sent (storage.local, one entry per program + call + kind, written
 * before the notification is shown, so nothing is sent twice even if the worker stops half-way),
 * and the notifications themselves, only when the reader granted the permission.
 */
import { browser } from 'wxt/browser';
import type { CompiledProgram } from '../dataset/types';
import { dueReminders, nextReminderAt, type Reminder } from '../reminders';
import { loadSettings } from './settings-sync';

export const SENT_KEY = 'remindersSent';
export const DAILY_ALARM = 'programs-lens:reminders-daily';
export const NEXT_ALARM = 'programs-lens:reminders-next';
/** Records of sent reminders are kept this long (a call's reminders span weeks, not years). */
const KEEP_SENT_MS = 400 * 24 * 60 * 60 * 1000;
export const REMINDER_ICON = 'reminder-icon.png';

type SentLog = Record<string, number>;

export async function readSent(): Promise<SentLog> {
  const got = await browser.storage.local.get(SENT_KEY);
  const raw = got[SENT_KEY];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return {};
  return Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number'));
}

export async function notificationsGranted(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ permissions: ['notifications'] });
  } catch {
    return false;
  }
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Sends the reminders due at `now` for the followed programs; returns them. Nothing without the
 * notifications permission (and nothing recorded then: they come when it is granted, if still
 * due). Checks are queued, so two alarms at once cannot send the same reminder.
 */
export function checkReminders(programs: readonly CompiledProgram[], now = Date.now()): Promise<Reminder[]> {
  const run = queue.then(async () => {
    const { followed } = await loadSettings();
    if (followed.length === 0 || !(await notificationsGranted()) || !browser.notifications) return [];
    const sent = await readSent();
    const due = dueReminders(programs, followed, new Set(Object.keys(sent)), now);
    if (due.notify.length === 0 && due.superseded.length === 0) return [];
    const log: SentLog = Object.fromEntries(Object.entries(sent).filter(([, at]) => now - at < KEEP_SENT_MS));
    for (const r of due.notify) log[r.key] = now;
    for (const key of due.superseded) log[key] = now;
    await browser.storage.local.set({ [SENT_KEY]: log });
    for (const r of due.notify) {
      try {
        await browser.notifications.create(r.key, {
          type: 'basic',
          iconUrl: browser.runtime.getURL(`/${REMINDER_ICON}`),
          title: r.title,
          message: r.message,
        });
      } catch (e) {
        console.warn('[programs-lens] reminder not shown', r.key, e);
      }
    }
    return due.notify;
  });
  queue = run.catch(() => undefined);
  return run;
}

/**
 * The alarms: a daily check while anything is followed, and one at the next moment a reminder
 * can become due (a call opening, 7 or 1 days before a deadline). Nothing followed: no alarms.
 */
export async function scheduleReminders(programs: readonly CompiledProgram[], now = Date.now()): Promise<void> {
  const { followed } = await loadSettings();
  if (followed.length === 0) {
    await browser.alarms.clear(DAILY_ALARM);
    await browser.alarms.clear(NEXT_ALARM);
    return;
  }
  if (!(await browser.alarms.get(DAILY_ALARM))) {
    await browser.alarms.create(DAILY_ALARM, { when: now + 60_000, periodInMinutes: 24 * 60 });
  }
  const next = nextReminderAt(programs, followed, now);
  if (next === undefined) await browser.alarms.clear(NEXT_ALARM);
  // A second late, so the moment itself counts as reached.
  else await browser.alarms.create(NEXT_ALARM, { when: next + 1000 });
}

/** The program a reminder notification is about (its id is the reminder's key). */
export function programOfNotification(notificationId: string): string | undefined {
  const [program, call, kind] = notificationId.split('|');
  return program && call && kind ? program : undefined;
}
