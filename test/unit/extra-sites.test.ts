/**
 * Extra sites: the registered content script follows "extra sites in the settings whose
 * permission is granted" (WXT's fake browser, with in-memory permissions and scripting).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { EXTRA_SITES_SCRIPT_ID, parseHostInput, syncExtraSiteScripts } from '../../lib/ext/extra-sites';
import { saveSettings } from '../../lib/ext/settings-sync';
import { OPEN_COMPARE_MESSAGE, PROGRAM_MESSAGE, SYNC_EXTRA_SITES_MESSAGE, type ProgramReply } from '../../lib/messages';
import { GENERIC_SITE, siteForHost } from '../../lib/sites';
import { grant, installFakeExtensionApis, state } from './helpers/fake-extension';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const registered = () => state.scripts.get(EXTRA_SITES_SCRIPT_ID);
const addSites = (...hosts: string[]) => saveSettings((s) => ({ ...s, extraSites: [...s.extraSites, ...hosts] }));

beforeEach(() => installFakeExtensionApis());

describe('parseHostInput', () => {
  it.each([
    ['example.org', 'example.org'],
    ['  Example.ORG  ', 'example.org'],
    ['https://blog.example.com/posts/1?x#y', 'blog.example.com'],
    ['http://example.org/', 'example.org'],
    ['example.org.', 'example.org'],
  ])('reads %j as %s', (input, host) => {
    expect(parseHostInput(input)).toEqual({ ok: true, host });
  });

  it.each([[''], ['   '], ['localhost'], ['ftp://example.org'], ['https://'], ['exa mple.org'], ['192.168.0.1'], ['www.lesswrong.com'], ['https://forum.effectivealtruism.org/posts/x']])(
    'refuses %j with a reason',
    (input) => {
      const r = parseHostInput(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason.length).toBeGreaterThan(10);
    },
  );
});

describe('the generic site config', () => {
  it('is used for extra hosts only, never instead of a forum', () => {
    expect(siteForHost('example.org')).toBeUndefined();
    expect(siteForHost('example.org', ['example.org'])).toBe(GENERIC_SITE);
    expect(siteForHost('www.lesswrong.com', ['www.lesswrong.com'])?.id).toBe('lesswrong');
  });
});

describe('syncExtraSiteScripts', () => {
  it('registers the content script (manifest files + the extra sites stylesheet) for granted sites only', async () => {
    await addSites('example.org', 'blog.example.com');
    await grant({ origins: ['https://example.org/*'] });
    expect(await syncExtraSiteScripts()).toEqual(['https://example.org/*']);
    expect(registered()).toEqual({
      id: EXTRA_SITES_SCRIPT_ID,
      matches: ['https://example.org/*'],
      js: ['content-scripts/content.js'],
      css: ['content-scripts/content.css', 'assets/extra-sites.css'],
      runAt: 'document_idle',
      allFrames: false,
    });
    await grant({ origins: ['https://blog.example.com/*'] });
    await syncExtraSiteScripts();
    expect(registered()?.matches).toEqual(['https://example.org/*', 'https://blog.example.com/*']);
  });

  it('unregisters when no granted site is left, and is idempotent when called at once', async () => {
    await addSites('example.org');
    await grant({ origins: ['https://example.org/*'] });
    await Promise.all([syncExtraSiteScripts(), syncExtraSiteScripts(), syncExtraSiteScripts()]);
    expect(registered()?.matches).toEqual(['https://example.org/*']);
    await fakeBrowser.permissions.remove({ origins: ['https://example.org/*'] });
    expect(await syncExtraSiteScripts()).toEqual([]);
    expect(registered()).toBeUndefined();
    expect(await syncExtraSiteScripts()).toEqual([]);
  });
});

describe('the background', () => {
  it('keeps the registration in step with the settings and the permissions', async () => {
    background.main();
    await grant({ origins: ['https://example.org/*'] });
    await addSites('example.org');
    await vi.waitFor(() => expect(registered()?.matches).toEqual(['https://example.org/*']));
    // The reader takes the permission back in the browser's own settings.
    await fakeBrowser.permissions.remove({ origins: ['https://example.org/*'] });
    await vi.waitFor(() => expect(registered()).toBeUndefined());
    await grant({ origins: ['https://example.org/*'] });
    await vi.waitFor(() => expect(registered()).toBeDefined());
    await saveSettings((s) => ({ ...s, extraSites: [] }));
    await vi.waitFor(() => expect(registered()).toBeUndefined());
  });

  it('answers the options page\'s request to register with the patterns registered', async () => {
    background.main();
    await grant({ origins: ['https://example.org/*'] });
    await addSites('example.org');
    expect(await fakeBrowser.runtime.sendMessage({ type: SYNC_EXTRA_SITES_MESSAGE })).toEqual(['https://example.org/*']);
  });

  it("opens the compare page at the program's row when the card asks (no web-accessible page needed)", async () => {
    background.main();
    const sender = { url: 'https://example.org/blog', tab: { id: 1, url: 'https://example.org/blog', index: 0, highlighted: true, active: true, pinned: false, incognito: false } };
    const reply = (await fakeBrowser.runtime.onMessage.trigger({ type: PROGRAM_MESSAGE, id: 'mats' }, sender))[0] as unknown as ProgramReply;
    expect(reply.program.id).toBe('mats');
    await fakeBrowser.runtime.onMessage.trigger({ type: OPEN_COMPARE_MESSAGE, id: 'mats' }, sender);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain('chrome-extension://test-extension-id/compare.html#mats');
  });
});
