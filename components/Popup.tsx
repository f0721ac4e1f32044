/**
 * The toolbar popup: programs mentioned on this tab (as reported by its content script), each
 * with its live status; and the on/off switch for the site.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import dataset from 'virtual:dataset';
import { callStatus } from '../lib/calls';
import { updateSettings } from '../lib/ext/settings-store';
import { PAGE_INFO_MESSAGE, SCROLL_TO_MESSAGE, type PageInfo } from '../lib/messages';

const programs = new Map(dataset.programs.map((p) => [p.id, p]));

type TabState = { kind: 'loading' } | { kind: 'other' } | { kind: 'forum'; tabId: number; info: PageInfo };

async function askTab(): Promise<TabState> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { kind: 'other' };
  try {
    const info = (await browser.tabs.sendMessage(tab.id, { type: PAGE_INFO_MESSAGE })) as PageInfo | undefined;
    return info && typeof info.host === 'string' ? { kind: 'forum', tabId: tab.id, info } : { kind: 'other' };
  } catch {
    return { kind: 'other' };
  }
}

export function Popup({ now = Date.now() }: { now?: number }) {
  const [tab, setTab] = useState<TabState>({ kind: 'loading' });
  useEffect(() => {
    void askTab().then(setTab);
  }, []);

  const toggle = async (enabled: boolean) => {
    if (tab.kind !== 'forum') return;
    const host = tab.info.host;
    await updateSettings((s) => ({
      ...s,
      disabledSites: enabled ? s.disabledSites.filter((h) => h !== host) : [...s.disabledSites, host],
    }));
    setTab({ ...tab, info: { ...tab.info, enabled } });
    setTimeout(() => void askTab().then(setTab), 300);
  };

  return (
    <main class="popup">
      <h1>AI Safety Programs Lens</h1>
      {tab.kind === 'loading' && <p class="muted">Reading this page…</p>}
      {tab.kind === 'other' && (
        <p class="muted">This tab is not a forum page. Mentions are marked on LessWrong, the EA Forum, the Alignment Forum and GreaterWrong.</p>
      )}
      {tab.kind === 'forum' && (
        <>
          <label class="switch">
            <input
              type="checkbox"
              checked={tab.info.enabled}
              onChange={(e) => void toggle((e.currentTarget as HTMLInputElement).checked)}
            />
            <span>On for {tab.info.siteLabel} ({tab.info.host})</span>
          </label>
          <h2>On this page</h2>
          {tab.info.mentions.length === 0 ? (
            <p class="muted">{tab.info.enabled ? 'No program mentioned here.' : 'Turned off on this site.'}</p>
          ) : (
            <ul class="mentions">
              {tab.info.mentions.map(({ program, count }) => {
                const p = programs.get(program);
                if (!p) return null;
                const status = callStatus(p, now);
                return (
                  <li key={program}>
                    <button
                      type="button"
                      class="linklike"
                      onClick={() => void browser.tabs.sendMessage(tab.tabId, { type: SCROLL_TO_MESSAGE, program })}
                    >
                      {p.shortName}
                    </button>
                    <span class="muted"> ×{count}</span>
                    <span class={`status status-${status.kind}`}>{status.text}</span>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </main>
  );
}

