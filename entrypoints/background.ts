/**
 * Background: answers the content script's requests for card data, and forwards the keyboard
 * command to the active tab's content script. No network, no state of its own.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import dataset from 'virtual:dataset';
import { CARD_UI_FILE, LOAD_CARD_UI_MESSAGE } from '../lib/card-ui-bridge';
import { isMessage, NEXT_MENTION_MESSAGE, PROGRAM_MESSAGE, type ProgramReply } from '../lib/messages';

export default defineBackground(() => {
  const programs = new Map(dataset.programs.map((p) => [p.id, p]));

  // Card data for the content script, which carries only the matcher.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (isMessage(message, LOAD_CARD_UI_MESSAGE)) {
      // The card's UI code, into the asking frame's content-script world, on its first card.
      const tabId = sender.tab?.id;
      if (tabId === undefined) return Promise.resolve(false);
      return browser.scripting
        .executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [CARD_UI_FILE] })
        .then(() => true, () => false);
    }
    if (!isMessage(message, PROGRAM_MESSAGE)) return undefined;
    const program = programs.get(String((message as { id?: unknown }).id));
    if (!program) return Promise.resolve(null);
    const reply: ProgramReply = {
      program,
      repository: dataset.repository,
    };
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
});
