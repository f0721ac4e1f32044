/**
 * Extra sites: https hosts the reader adds in the options. Each needs its host permission (asked
 * for at that moment, `permissions.request` from the click handler) and the content script
 * registered for it at run time (`scripting.registerContentScripts`), with the same files as the
 * manifest's content script plus one stylesheet that paints the marks outside the forums'
 * selectors. The background keeps the registration equal to "extra sites in the settings whose
 * permission is granted" (`syncExtraSiteScripts`), whatever changed: settings, permissions, or
 * the browser restarting.
 */
import { browser } from 'wxt/browser';
import { HOST_PATTERN } from '../settings';
import { extraSiteMatch, siteForHost } from '../sites';
import { loadSettings } from './settings-sync';

export const EXTRA_SITES_SCRIPT_ID = 'programs-lens-extra-sites';
/** Built from entrypoints/extra-sites.css (WXT puts unlisted stylesheets in assets/). */
export const EXTRA_SITES_CSS = 'assets/extra-sites.css';

export type HostInput = { ok: true; host: string } | { ok: false; reason: string };

/** "example.org", "https://Example.org/some/post" → "example.org"; anything else: why not. */
export function parseHostInput(text: string): HostInput {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, reason: 'Type a site, like example.org.' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return { ok: false, reason: `“${trimmed}” is not a web address.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'Only web sites (https) can be added.' };
  const host = url.hostname.replace(/\.$/, '').toLowerCase();
  if (!HOST_PATTERN.test(host)) return { ok: false, reason: `“${host}” is not a site name the extension can run on.` };
  if (siteForHost(host)) return { ok: false, reason: `${host} is one of the forums: it is always included.` };
  return { ok: true, host };
}

/** The js and css files of the manifest's content script, plus the extra sites' stylesheet. */
export function contentScriptFiles(): { js: string[]; css: string[] } {
  const declared = browser.runtime.getManifest().content_scripts?.[0];
  return { js: [...(declared?.js ?? [])], css: [...(declared?.css ?? []), EXTRA_SITES_CSS] };
}

/** The extra hosts of the settings whose permission is granted now. */
export async function grantedExtraSites(hosts: readonly string[]): Promise<string[]> {
  const granted = await Promise.all(
    hosts.map((h) => browser.permissions.contains({ origins: [extraSiteMatch(h)] }).catch(() => false)),
  );
  return hosts.filter((h, i) => granted[i] && !siteForHost(h));
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Makes the registered content script match the granted extra sites (registers, updates or
 * unregisters). Calls are queued: two at once would both try to register. Returns the match
 * patterns now registered.
 */
export function syncExtraSiteScripts(): Promise<string[]> {
  const run = queue.then(async () => {
    const settings = await loadSettings();
    const matches = (await grantedExtraSites(settings.extraSites)).map(extraSiteMatch);
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [EXTRA_SITES_SCRIPT_ID] });
    const current = existing[0]?.matches ?? [];
    const same = current.length === matches.length && current.every((m) => matches.includes(m));
    if (existing.length > 0 && same) return matches;
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [EXTRA_SITES_SCRIPT_ID] });
    if (matches.length > 0) {
      await browser.scripting.registerContentScripts([
        { id: EXTRA_SITES_SCRIPT_ID, matches, ...contentScriptFiles(), runAt: 'document_idle', allFrames: false },
      ]);
    }
    return matches;
  });
  queue = run.catch(() => undefined);
  return run;
}
