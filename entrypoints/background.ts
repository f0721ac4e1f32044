/**
 * Background: answers the content script's requests for card data, forwards the keyboard command
 * to the active tab's content script, keeps the content script registered on the reader's extra
 * sites, and sends the reminders of followed programs. No network; its only state is in storage
 * (settings in sync, sent reminders in local) and in the alarms.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import dataset from 'virtual:dataset';
import { CARD_UI_FILE, LOAD_CARD_UI_MESSAGE } from '../lib/card-ui-bridge';
import { syncExtraSiteScripts } from '../lib/ext/extra-sites';
import { checkReminders, DAILY_ALARM, NEXT_ALARM, programOfNotification, scheduleReminders } from '../lib/ext/reminders';
import { migrateStoredSettings } from '../lib/ext/settings-sync';
import {
  isMessage,
  NEXT_MENTION_MESSAGE,
  OPEN_COMPARE_MESSAGE,
  PROGRAM_MESSAGE,
  SYNC_EXTRA_SITES_MESSAGE,
  type ProgramReply,
} from '../lib/messages';
import { readSettings } from '../lib/settings-schema';
import { SETTINGS_KEY } from '../lib/settings';

export default defineBackground(() => {
  const programs = new Map(dataset.programs.map((p) => [p.id, p]));
  const log = (what: string) => (e: unknown) => console.warn(`[programs-lens] ${what} failed`, e);

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (isMessage(message, LOAD_CARD_UI_MESSAGE)) {
      // The card's UI code, into the asking frame's content-script world, on its first card.
      const tabId = sender.tab?.id;
      if (tabId === undefined) return Promise.resolve(false);
      return browser.scripting
        .executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [CARD_UI_FILE] })
        .then(() => true, () => false);
    }
    if (isMessage(message, OPEN_COMPARE_MESSAGE)) {
      // Opened from here, not by a link in the page: compare.html needs no web access, so no
      // page can probe for the extension through it.
      const id = String((message as { id?: unknown }).id ?? '');
      const hash = programs.has(id) ? `#${id}` : '';
      return browser.tabs.create({ url: browser.runtime.getURL(`/compare.html${hash}`), index: (sender.tab?.index ?? -1) + 1 }).then(
        () => true,
        () => false,
      );
    }
    if (isMessage(message, SYNC_EXTRA_SITES_MESSAGE)) {
      // Idempotent, so whoever asks (in practice the options page) is fine.
      return syncExtraSiteScripts().catch((e: unknown) => {
        log('registering the extra sites')(e);
        return [];
      });
    }
    if (!isMessage(message, PROGRAM_MESSAGE)) return undefined;
    const program = programs.get(String((message as { id?: unknown }).id));
    if (!program) return Promise.resolve(null);
    const reply: ProgramReply = { program, repository: dataset.repository };
    return Promise.resolve(reply);
  });

  browser.commands?.onCommand.addListener(async (command, tab) => {
    if (command !== 'next-mention') return;
    const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id === undefined) return;
    try {
      await browser.tabs.sendMessage(id, { type: NEXT_MENTION_MESSAGE });
    } catch {
      // Not a forum tab (no content script there): nothing to do.
    }
  });

  // Reminders: checked at the alarms, when the followed programs change, and when the reader
  // allows notifications.
  const reminders = () =>
    checkReminders(dataset.programs)
      .then(() => scheduleReminders(dataset.programs))
      .catch(log('checking reminders'));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DAILY_ALARM || alarm.name === NEXT_ALARM) void reminders();
  });
  let clicksHandled = false;
  const handleNotificationClicks = () => {
    // The API exists only once the optional permission is granted.
    if (clicksHandled || !browser.notifications?.onClicked) return;
    clicksHandled = true;
    browser.notifications.onClicked.addListener((id) => {
      const program = programOfNotification(id);
      if (!program) return;
      void browser.tabs.create({ url: browser.runtime.getURL(`/compare.html#${program}`) });
      void browser.notifications.clear(id);
    });
  };
  handleNotificationClicks();

  const extraSites = () => syncExtraSiteScripts().catch(log('registering the extra sites'));

  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync' || !(SETTINGS_KEY in changes)) return;
    const before = readSettings(changes[SETTINGS_KEY]!.oldValue);
    const after = readSettings(changes[SETTINGS_KEY]!.newValue);
    if (before.extraSites.join() !== after.extraSites.join()) void extraSites();
    if (before.followed.join() !== after.followed.join()) void reminders();
  });
  browser.permissions.onAdded.addListener((p) => {
    if (p.origins?.length) void extraSites();
    if (p.permissions?.includes('notifications')) {
      handleNotificationClicks();
      void reminders();
    }
  });
  browser.permissions.onRemoved.addListener((p) => {
    if (p.origins?.length) void extraSites();
  });

  // Install, update (the data may have changed) and browser start.
  browser.runtime.onInstalled.addListener(() => {
    void migrateStoredSettings()
      .catch(log('migrating the settings'))
      .then(() => Promise.all([extraSites(), reminders()]));
  });
  browser.runtime.onStartup.addListener(() => {
    void Promise.all([extraSites(), reminders()]);
  });
});
