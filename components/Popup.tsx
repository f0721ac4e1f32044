/**
 * The toolbar popup: the programs mentioned on this tab (as reported by its content script), each
 * with its live status, a click scrolling to the first mention; the on/off switch for the site;
 * and, across the whole dataset, the programs open now or opening soon.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FORUM_MATCHES } from '../lib/sites';
import dataset from 'virtual:dataset';
import { callStatus } from '../lib/calls';
import { openNow } from '../lib/compare';
import type { CompiledProgram } from '../lib/dataset/types';
import { saveSettings } from '../lib/ext/settings-sync';
import { PAGE_INFO_MESSAGE, SCROLL_TO_MESSAGE, type PageInfo } from '../lib/messages';
import { withSiteEnabled } from '../lib/settings';

const programs = new Map(dataset.programs.map((p) => [p.id, p]));

type TabState = { kind: 'loading' } | { kind: 'other' } | { kind: 'page'; tabId: number; info: PageInfo };

async function askTab(fixedTab?: number): Promise<TabState> {
  const tabId = fixedTab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return { kind: 'other' };
  try {
    const info = (await browser.tabs.sendMessage(tabId, { type: PAGE_INFO_MESSAGE })) as PageInfo | undefined;
    return info && typeof info.host === 'string' ? { kind: 'page', tabId, info } : { kind: 'other' };
  } catch {
    return { kind: 'other' };
  }
}

const compareUrl = (id?: string) => browser.runtime.getURL(`/compare.html${id ? `#${id}` : ''}`);

export function Popup({ now = Date.now(), tabId }: { now?: number; tabId?: number }) {
  const [tab, setTab] = useState<TabState>({ kind: 'loading' });
  useEffect(() => {
    void askTab(tabId).then(setTab);
  }, [tabId]);

  const toggle = async (enabled: boolean) => {
    if (tab.kind !== 'page') return;
    await saveSettings((s) => withSiteEnabled(s, tab.info.host, enabled));
    setTab({ ...tab, info: { ...tab.info, enabled } });
    // The content script starts or stops its session on the change; ask again for the mentions.
    setTimeout(() => void askTab(tabId).then(setTab), 300);
  };

  const scrollTo = (program: string) => {
    if (tab.kind !== 'page') return;
    void browser.tabs.sendMessage(tab.tabId, { type: SCROLL_TO_MESSAGE, program }).catch(() => undefined);
    if (tabId === undefined) window.close(); // the toolbar popup: out of the way of the card
  };

  // Firefox (MV3) lets readers withhold the forums from the extension, and Chrome lets them set
  // site access to "on click": then the content script cannot run there. Say so, and offer the
  // permission back (a click in the popup is the gesture the browser needs).
  const [forumAccess, setForumAccess] = useState<boolean | null>(null);
  useEffect(() => {
    void browser.permissions
      .contains({ origins: FORUM_MATCHES })
      .then(setForumAccess, () => setForumAccess(null));
  }, []);
  const askForumAccess = () =>
    void browser.permissions.request({ origins: FORUM_MATCHES }).then(setForumAccess, () => undefined);

  const upcoming = openNow(dataset.programs, now);

  return (
    <main class="popup">
      <header class="popup-head">
        <h1>AI Safety Programs Lens</h1>
        <nav aria-label="Extension pages" class="popup-nav">
          <a href={compareUrl()} target="_blank" rel="noopener">
            Compare programs
          </a>
          <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
            Options
          </a>
        </nav>
      </header>

      {forumAccess === false && (
        <p class="notice" role="status">
          The extension is not allowed to read the forums, so it cannot mark programs there.{' '}
          <button type="button" class="linklike" onClick={askForumAccess}>
            Allow it on the forums
          </button>
        </p>
      )}

      <section aria-labelledby="popup-page">
        <h2 id="popup-page">On this page</h2>
        {tab.kind === 'loading' && <p class="muted">Reading this page…</p>}
        {tab.kind === 'other' && (
          <p class="muted">
            Mentions are marked on LessWrong, the EA Forum, the Alignment Forum, GreaterWrong and the sites you add in
            the options.
          </p>
        )}
        {tab.kind === 'page' && (
          <>
            <label class="switch">
              <input
                type="checkbox"
                name="site-enabled"
                checked={tab.info.enabled}
                onChange={(e) => void toggle((e.currentTarget as HTMLInputElement).checked)}
              />
              <span>
                On for {tab.info.siteLabel === 'this site' ? tab.info.host : `${tab.info.siteLabel} (${tab.info.host})`}
              </span>
            </label>
            {tab.info.mentions.length === 0 ? (
              <p class="muted">{tab.info.enabled ? 'No program mentioned here.' : 'Turned off on this site.'}</p>
            ) : (
              <ul class="mentions" aria-label="Programs mentioned on this page">
                {tab.info.mentions.map(({ program, count }) => {
                  const p = programs.get(program);
                  if (!p) return null;
                  const status = callStatus(p, now);
                  return (
                    <li key={program} data-program={program}>
                      <button type="button" class="linklike" onClick={() => scrollTo(program)} title="Show the first mention">
                        {p.shortName}
                      </button>
                      <span class="muted"> · {count === 1 ? 'once' : `${count} times`}</span>
                      <a
                        class="row-link"
                        href={compareUrl(program)}
                        target="_blank"
                        rel="noopener"
                        aria-label={`Compare ${p.shortName} with other programs`}
                      >
                        compare
                      </a>
                      <span class={`status status-${status.kind}`}>{status.text}</span>
                    </li>
                  );
                })}
              </ul>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="popup-open">
        <h2 id="popup-open">Open now / opening soon</h2>
        {upcoming.open.length + upcoming.opening.length === 0 ? (
          <p class="muted">No call is open or about to open in the data.</p>
        ) : (
          <ul class="mentions open-now">
            {[...upcoming.open, ...upcoming.opening].map(({ program, status }) => (
              <OpenItem key={program.id} program={program} text={status.text} kind={status.kind} />
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

function OpenItem({ program: p, text, kind }: { program: CompiledProgram; text: string; kind: string }) {
  return (
    <li data-program={p.id}>
      <a href={compareUrl(p.id)} target="_blank" rel="noopener" class="strong">
        {p.shortName}
      </a>
      <span class={`status status-${kind}`}>{text}</span>
    </li>
  );
}
