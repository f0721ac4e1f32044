/**
 * Reminders in the browser (WXT's fake browser, fixed clock): the background's alarms, the
 * notifications, the record of what was sent, the permission.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import dataset from 'virtual:dataset';
import background from '../../entrypoints/background';
import { checkReminders, DAILY_ALARM, NEXT_ALARM, readSent, scheduleReminders, SENT_KEY } from '../../lib/ext/reminders';
import { saveSettings } from '../../lib/ext/settings-sync';
import { grant, installFakeExtensionApis } from './helpers/fake-extension';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const at = (iso: string) => Date.parse(iso);
const notifications = async () => fakeBrowser.notifications.getAll() as Promise<Record<string, { title: string; message: string; iconUrl: string }>>;
// MATS Autumn 2026 opens 12 May (AoE: 12:00 UTC) and closes 7 Jun 23:59 AoE (8 Jun 11:59 UTC).
const OPEN = at('2026-05-13T09:00:00Z');
const WEEK_LEFT = at('2026-06-02T09:00:00Z');
const DAY_LEFT = at('2026-06-07T18:00:00Z');

beforeEach(() => {
  installFakeExtensionApis();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('checkReminders', () => {
  it('does nothing while nothing is followed', async () => {
    await grant({ permissions: ['notifications'] });
    expect(await checkReminders(dataset.programs, OPEN)).toEqual([]);
    expect(await notifications()).toEqual({});
  });

  it('does nothing without the notifications permission, and records nothing (they come once it is granted)', async () => {
    await saveSettings((s) => ({ ...s, followed: ['mats'] }));
    expect(await checkReminders(dataset.programs, OPEN)).toEqual([]);
    expect(await readSent()).toEqual({});
    await grant({ permissions: ['notifications'] });
    expect((await checkReminders(dataset.programs, OPEN)).map((r) => r.key)).toEqual(['mats|Autumn 2026|opened']);
  });

  it('notifies once per reminder, remembers it in storage.local, and never twice', async () => {
    await grant({ permissions: ['notifications'] });
    await saveSettings((s) => ({ ...s, followed: ['mats', 'refine'] }));
    await checkReminders(dataset.programs, OPEN);
    expect(await notifications()).toEqual({
      'mats|Autumn 2026|opened': {
        type: 'basic',
        iconUrl: 'chrome-extension://test-extension-id/reminder-icon.png',
        title: 'MATS: applications are open',
        message: 'Autumn 2026. Deadline 7 Jun, AoE (in 26 days).',
      },
    });
    expect(await readSent()).toEqual({ 'mats|Autumn 2026|opened': OPEN });
    await fakeBrowser.notifications.clear('mats|Autumn 2026|opened');
    // Checks the same day, and concurrent ones, send nothing more.
    await Promise.all([checkReminders(dataset.programs, OPEN + 3600_000), checkReminders(dataset.programs, OPEN + 7200_000)]);
    expect(await notifications()).toEqual({});
    await checkReminders(dataset.programs, WEEK_LEFT);
    await checkReminders(dataset.programs, DAY_LEFT);
    await checkReminders(dataset.programs, DAY_LEFT + 3600_000);
    expect(Object.values(await notifications()).map((n) => n.title)).toEqual([
      'MATS: applications close in 6 days',
      'MATS: applications close in 17 hours',
    ]);
    expect(Object.keys(await readSent()).sort()).toEqual([
      'mats|Autumn 2026|closes-1d',
      'mats|Autumn 2026|closes-7d',
      'mats|Autumn 2026|opened',
    ]);
  });

  it('sends nothing for followed programs whose data has no dates', async () => {
    await grant({ permissions: ['notifications'] });
    // No dated call: PIBBSS (rounds without dates), CHAI (rolling), Refine (discontinued).
    await saveSettings((s) => ({ ...s, followed: ['pibbss', 'chai-internship', 'refine'] }));
    for (let t = at('2026-01-01T00:00:00Z'); t < at('2027-01-01T00:00:00Z'); t += 24 * 3600_000) {
      expect(await checkReminders(dataset.programs, t)).toEqual([]);
    }
    expect(await notifications()).toEqual({});
    expect(await fakeBrowser.storage.local.get(SENT_KEY)).toEqual({ [SENT_KEY]: undefined });
  });

  it('ignores a corrupt record of sent reminders (and rewrites it)', async () => {
    await grant({ permissions: ['notifications'] });
    await saveSettings((s) => ({ ...s, followed: ['mats'] }));
    await fakeBrowser.storage.local.set({ [SENT_KEY]: ['not', 'a', 'record'] });
    expect((await checkReminders(dataset.programs, OPEN)).length).toBe(1);
    expect(await readSent()).toEqual({ 'mats|Autumn 2026|opened': OPEN });
  });
});

describe('scheduleReminders', () => {
  it('keeps a daily alarm and one at the next moment a reminder can fall due, only while something is followed', async () => {
    const now = at('2026-05-01T00:00:00Z');
    await scheduleReminders(dataset.programs, now);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    await saveSettings((s) => ({ ...s, followed: ['mats'] }));
    await scheduleReminders(dataset.programs, now);
    const alarms = Object.fromEntries((await fakeBrowser.alarms.getAll()).map((a) => [a.name, a]));
    expect(alarms[DAILY_ALARM]).toMatchObject({ periodInMinutes: 24 * 60 });
    // 12 May 00:00 AoE, a second late.
    expect(alarms[NEXT_ALARM]!.scheduledTime).toBe(at('2026-05-12T12:00:01Z'));
    await saveSettings((s) => ({ ...s, followed: [] }));
    await scheduleReminders(dataset.programs, now);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
});

describe('the background', () => {
  it('checks at its alarms and when a program is followed, with the clock of the moment', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at('2026-05-10T00:00:00Z'));
    background.main();
    await grant({ permissions: ['notifications'] });
    await saveSettings((s) => ({ ...s, followed: ['mats'] }));
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.getAll()).map((a) => a.name).sort()).toEqual([NEXT_ALARM, DAILY_ALARM].sort()));
    expect(await notifications()).toEqual({});

    vi.setSystemTime(OPEN);
    await fakeBrowser.alarms.onAlarm.trigger({ name: NEXT_ALARM, scheduledTime: OPEN });
    await vi.waitFor(async () => expect(Object.keys(await notifications())).toEqual(['mats|Autumn 2026|opened']));
    // The next alarm moved to 7 days before the deadline.
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(at('2026-06-01T11:59:59.999Z') + 1000),
    );

    // The daily alarm the day after: nothing new.
    await fakeBrowser.notifications.clear('mats|Autumn 2026|opened');
    vi.setSystemTime(OPEN + 24 * 3600_000);
    await fakeBrowser.alarms.onAlarm.trigger({ name: DAILY_ALARM, scheduledTime: OPEN });
    await new Promise((r) => setTimeout(r, 20));
    expect(await notifications()).toEqual({});

    // Clicking a reminder opens the program's row on the compare page.
    await fakeBrowser.notifications.onClicked.trigger('mats|Autumn 2026|opened');
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain('chrome-extension://test-extension-id/compare.html#mats');
  });
});
