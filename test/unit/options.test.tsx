/**
 * The options page's permission flows (WXT's fake browser, in-memory permissions and scripting,
 * the background running): adding an extra site asks for its host permission from the submit
 * itself (a user gesture), then stores it and has the content script registered; refusing adds
 * nothing; removing gives the permission back. Following asks for notifications the same way.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import background from '../../entrypoints/background';
import { Options } from '../../components/Options';
import { EXTRA_SITES_SCRIPT_ID } from '../../lib/ext/extra-sites';
import { loadSettings } from '../../lib/ext/settings-sync';
import { inGesture, installFakeExtensionApis, state } from './helpers/fake-extension';
import { useHappyDom } from './helpers/happy-dom-ssr';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

useHappyDom();

let root: HTMLElement;

beforeEach(async () => {
  installFakeExtensionApis();
  background.main();
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<Options />, root));
  await vi.waitFor(() => expect(root.querySelector('input[name="extra-site"]')).not.toBeNull());
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function type(input: HTMLInputElement, text: string) {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** A click on "Add" submits the form; the gesture lasts while the handlers run synchronously. */
async function addSite(text: string) {
  await act(() => type(root.querySelector<HTMLInputElement>('input[name="extra-site"]')!, text));
  await act(() => {
    inGesture(() => root.querySelector('form.add-site')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
  });
}

const message = () => root.querySelector('form.add-site [role="status"]')!.textContent;

describe('adding an extra site', () => {
  it('asks for the host permission within the gesture, stores the site and registers the content script', async () => {
    await addSite('https://Example.org/some/post');
    expect(state.requests).toEqual([{ request: { origins: ['https://example.org/*'] }, gesture: true }]);
    await vi.waitFor(() => expect(message()).toMatch(/^Added example\.org\./));
    expect((await loadSettings()).extraSites).toEqual(['example.org']);
    expect(state.scripts.get(EXTRA_SITES_SCRIPT_ID)?.matches).toEqual(['https://example.org/*']);
    // Listed with its own on/off switch.
    await vi.waitFor(() => expect(root.querySelector('input[name="site-example.org"]')).not.toBeNull());
    expect(root.querySelector<HTMLInputElement>('input[name="site-example.org"]')!.checked).toBe(true);
  });

  it('adds nothing when the reader refuses the permission', async () => {
    state.answer = false;
    await addSite('example.org');
    await vi.waitFor(() => expect(message()).toMatch(/not added: the permission/));
    expect((await loadSettings()).extraSites).toEqual([]);
    expect(state.scripts.size).toBe(0);
  });

  it('asks nothing for an invalid site or a forum', async () => {
    await addSite('not a site');
    expect(message()).toMatch(/not a web address|not a site name/);
    await addSite('www.lesswrong.com');
    expect(message()).toMatch(/one of the forums/);
    expect(state.requests).toEqual([]);
  });

  it('removing a site gives the permission back and unregisters the script', async () => {
    await addSite('example.org');
    await vi.waitFor(() => expect(root.querySelector('button[aria-label="Remove example.org"]')).not.toBeNull());
    await act(() => root.querySelector<HTMLButtonElement>('button[aria-label="Remove example.org"]')!.click());
    await vi.waitFor(() => expect(message()).toBe('Removed example.org.'));
    expect(state.granted.origins.has('https://example.org/*')).toBe(false);
    expect(state.scripts.size).toBe(0);
    expect((await loadSettings()).extraSites).toEqual([]);
  });
});

describe('following a program', () => {
  it('asks for notifications at the first follow (within the gesture), not again once granted', async () => {
    const follow = (id: string) => root.querySelector<HTMLInputElement>(`input[name="follow-${id}"]`)!;
    await act(() => inGesture(() => follow('mats').click()));
    await vi.waitFor(async () => expect((await loadSettings()).followed).toEqual(['mats']));
    expect(state.requests).toEqual([{ request: { permissions: ['notifications'] }, gesture: true }]);
    expect(state.granted.permissions.has('notifications')).toBe(true);
    await vi.waitFor(() => expect(follow('mats').checked).toBe(true));
    await act(() => inGesture(() => follow('spar').click()));
    await vi.waitFor(async () => expect((await loadSettings()).followed).toEqual(['mats', 'spar']));
    expect(state.requests.length).toBe(1);
  });

  it('still follows when notifications are refused, and says reminders are off', async () => {
    state.answer = false;
    await act(() => inGesture(() => root.querySelector<HTMLInputElement>('input[name="follow-pibbss"]')!.click()));
    await vi.waitFor(async () => expect((await loadSettings()).followed).toEqual(['pibbss']));
    await vi.waitFor(() => expect(root.textContent).toContain('Notifications are not allowed'));
  });
});

describe('sites', () => {
  it('turns a forum off and on as a whole', async () => {
    const lw = () => root.querySelector<HTMLInputElement>('input[name="site-lesswrong"]')!;
    await act(() => lw().click());
    await vi.waitFor(async () => expect((await loadSettings()).disabledSites).toEqual(['lesswrong.com', 'www.lesswrong.com']));
    await vi.waitFor(() => expect(lw().checked).toBe(false));
    await act(() => lw().click());
    await vi.waitFor(async () => expect((await loadSettings()).disabledSites).toEqual([]));
  });
});

describe('marks and delay', () => {
  it('stores the style, first-mention-only and a clamped delay', async () => {
    await act(() => root.querySelector<HTMLInputElement>('input[name="highlightStyle"][value="background"]')!.click());
    await act(() => root.querySelector<HTMLInputElement>('input[name="firstMentionOnly"]')!.click());
    const delay = root.querySelector<HTMLInputElement>('input[name="cardDelayMs"]')!;
    await act(() => {
      delay.value = '5000';
      delay.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(async () =>
      expect(await loadSettings()).toMatchObject({ highlightStyle: 'background', firstMentionOnly: true, cardDelayMs: 2000 }),
    );
  });
});
