/**
 * Content script for the forums (hosts in lib/sites.ts). Starts a page session when the site is
 * enabled in the settings, stops it when the reader turns the site off, and stops cleanly when
 * the extension is reloaded or updated (WXT's `ctx` is invalidated).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { loadSettings, onSettingsChanged } from '../../lib/ext/settings-store';
import { isMessage, PAGE_INFO_MESSAGE, type PageInfo } from '../../lib/messages';
import { isSiteEnabled } from '../../lib/settings';
import { FORUM_MATCHES, siteForHost } from '../../lib/sites';
import { PageSession } from './page';
import './style.css';

export default defineContentScript({
  matches: FORUM_MATCHES,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  async main(ctx) {
    // The forums, or (registered at run time, lib/ext/extra-sites.ts) a site the reader added.
    const initial = await loadSettings();
    const site = siteForHost(location.hostname, initial.extraSites);
    if (!site) return;
    let session: PageSession | null = null;
    const apply = (settings: Awaited<ReturnType<typeof loadSettings>>) => {
      if (ctx.isInvalid) return;
      session?.stop();
      session = null;
      // An extra site the reader removed stops at once (its script is unregistered for later pages).
      if (isSiteEnabled(settings, location.hostname) && siteForHost(location.hostname, settings.extraSites)) {
        session = new PageSession(ctx, site, settings);
        session.start();
      }
    };
    // The popup asks what this page mentions (answered even when the site is turned off).
    const onMessage = (message: unknown) => {
      if (!isMessage(message, PAGE_INFO_MESSAGE)) return undefined;
      // Bodies far from the screen are scanned only now that the reader asks what the page holds.
      const counts = session ? session.mentionCounts() : Promise.resolve([]);
      return counts.then((mentions): PageInfo => ({
        host: location.hostname,
        siteLabel: site.label,
        enabled: session !== null,
        mentions,
      }));
    };
    browser.runtime.onMessage.addListener(onMessage);
    apply(initial);
    const off = onSettingsChanged(apply);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      off();
      session?.stop();
      session = null;
    });
  },
});
