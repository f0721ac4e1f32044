/**
 * Options: where the extension runs (the forums, and extra sites the reader adds with their
 * permission), how mentions look, how soon a card opens, and which programs to follow.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import dataset from 'virtual:dataset';
import { callStatus } from '../lib/calls';
import { parseHostInput } from '../lib/ext/extra-sites';
import { requestNotifications, setFollowed } from '../lib/ext/follow';
import { saveSettings } from '../lib/ext/settings-sync';
import { SYNC_EXTRA_SITES_MESSAGE } from '../lib/messages';
import {
  CARD_DELAY_MAX,
  CARD_DELAY_MIN,
  clampCardDelay,
  DEFAULT_SETTINGS,
  HIGHLIGHT_STYLES,
  withSiteEnabled,
  type HighlightStyleSetting,
  type Settings,
} from '../lib/settings';
import { extraSiteMatch, SITES } from '../lib/sites';
import { useNotificationsGranted, useSettings } from './hooks';

const STYLE_LABELS: Record<HighlightStyleSetting, string> = {
  underline: 'Dotted underline',
  background: 'Tinted background',
  none: 'No marks (cards still open on hover)',
};

const byName = [...dataset.programs].sort((a, b) => a.shortName.localeCompare(b.shortName));

/** Which of the extra sites have their host permission now (kept current). */
function useGrantedSites(hosts: readonly string[]): Set<string> | null {
  const [granted, setGranted] = useState<Set<string> | null>(null);
  const key = hosts.join(' ');
  useEffect(() => {
    let live = true;
    const check = () =>
      void Promise.all(hosts.map((h) => browser.permissions.contains({ origins: [extraSiteMatch(h)] }).catch(() => false))).then(
        (ok) => live && setGranted(new Set(hosts.filter((_, i) => ok[i]))),
      );
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, [key]);
  return granted;
}

export function Options({ now = Date.now() }: { now?: number }) {
  const settings = useSettings();
  const notificationsGranted = useNotificationsGranted();
  const granted = useGrantedSites(settings?.extraSites ?? []);
  const [siteInput, setSiteInput] = useState('');
  const [siteMessage, setSiteMessage] = useState<{ error: boolean; text: string } | null>(null);
  if (!settings) return <main class="options" aria-busy="true" />;

  const save = (change: (s: Settings) => Settings) => void saveSettings(change);
  const syncScripts = () => browser.runtime.sendMessage({ type: SYNC_EXTRA_SITES_MESSAGE }) as Promise<string[] | undefined>;

  // Change callbacks run later, on what is stored then: read event values before calling save.
  // Called from the form's submit (the click or Enter): the permission request needs that gesture,
  // so it is made before anything is awaited.
  const addSite = () => {
    const parsed = parseHostInput(siteInput);
    if (!parsed.ok) return setSiteMessage({ error: true, text: parsed.reason });
    const { host } = parsed;
    browser.permissions.request({ origins: [extraSiteMatch(host)] }).then(
      async (ok) => {
        if (!ok) return setSiteMessage({ error: true, text: `${host} was not added: the permission to run there was not given.` });
        await saveSettings((s) => ({
          ...s,
          extraSites: [...s.extraSites.filter((h) => h !== host), host],
          disabledSites: s.disabledSites.filter((h) => h !== host),
        }));
        const registered = (await syncScripts()) ?? [];
        setSiteInput('');
        setSiteMessage(
          registered.includes(extraSiteMatch(host))
            ? { error: false, text: `Added ${host}. Pages already open there show the marks once reloaded.` }
            : { error: true, text: `${host} was added, but the extension could not start there.` },
        );
      },
      (e: unknown) => setSiteMessage({ error: true, text: `${host} was not added: ${e instanceof Error ? e.message : String(e)}` }),
    );
  };

  const regrant = (host: string) => {
    void browser.permissions.request({ origins: [extraSiteMatch(host)] }).then(() => syncScripts());
  };

  const removeSite = (host: string) => {
    void browser.permissions
      .remove({ origins: [extraSiteMatch(host)] })
      .catch(() => false)
      .then(() =>
        saveSettings((s) => ({
          ...s,
          extraSites: s.extraSites.filter((h) => h !== host),
          disabledSites: s.disabledSites.filter((h) => h !== host),
        })),
      )
      .then(syncScripts)
      .then(() => setSiteMessage({ error: false, text: `Removed ${host}.` }));
  };

  const followedSet = new Set(settings.followed);
  const needsNotifications = notificationsGranted === false && settings.followed.length > 0;

  return (
    <main class="options">
      <h1>AI Safety Programs Lens: options</h1>

      <section aria-labelledby="opt-sites">
        <h2 id="opt-sites">Sites</h2>
        <ul class="plain">
          {SITES.map((site) => (
            <li key={site.id}>
              <label class="switch">
                <input
                  type="checkbox"
                  name={`site-${site.id}`}
                  checked={site.hosts.every((h) => !settings.disabledSites.includes(h))}
                  onChange={(e) => {
                    const on = (e.currentTarget as HTMLInputElement).checked;
                    save((s) => withSiteEnabled(s, site.hosts[0]!, on));
                  }}
                />
                <span>
                  {site.label} <span class="muted">({site.hosts.join(', ')})</span>
                </span>
              </label>
            </li>
          ))}
          {settings.extraSites.map((host) => (
            <li key={host} class="extra-site" data-host={host}>
              <label class="switch">
                <input
                  type="checkbox"
                  name={`site-${host}`}
                  checked={!settings.disabledSites.includes(host)}
                  onChange={(e) => {
                    const on = (e.currentTarget as HTMLInputElement).checked;
                    save((s) => withSiteEnabled(s, host, on));
                  }}
                />
                <span>{host}</span>
              </label>
              {granted && !granted.has(host) && (
                <button type="button" class="small-button" onClick={() => regrant(host)}>
                  Allow again
                </button>
              )}
              <button type="button" class="small-button" aria-label={`Remove ${host}`} onClick={() => removeSite(host)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        <form
          class="add-site"
          onSubmit={(e) => {
            e.preventDefault();
            addSite();
          }}
        >
          <label for="opt-add-site">Add a site</label>
          <input
            id="opt-add-site"
            name="extra-site"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="example.org"
            aria-describedby="opt-add-site-help"
            value={siteInput}
            onInput={(e) => setSiteInput((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit">Add</button>
          <p id="opt-add-site-help" class="muted small">
            The browser asks for permission to read and change pages on that site; nothing else is asked for, and removing
            the site gives the permission back. On an extra site the extension reads the page's main content (its{' '}
            <code>article</code> or <code>main</code>, else the whole page).
          </p>
          <p class={siteMessage?.error ? 'message error' : 'message'} role="status">
            {siteMessage?.text}
          </p>
        </form>
      </section>

      <section aria-labelledby="opt-marks">
        <h2 id="opt-marks">Marks and cards</h2>
        <fieldset class="plain">
          <legend>Mention style</legend>
          {HIGHLIGHT_STYLES.map((style) => (
            <label class="switch" key={style}>
              <input
                type="radio"
                name="highlightStyle"
                value={style}
                checked={settings.highlightStyle === style}
                onChange={() => save((s) => ({ ...s, highlightStyle: style }))}
              />
              <span>{STYLE_LABELS[style]}</span>
            </label>
          ))}
        </fieldset>
        <label class="switch">
          <input
            type="checkbox"
            name="firstMentionOnly"
            checked={settings.firstMentionOnly}
            onChange={(e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              save((s) => ({ ...s, firstMentionOnly: on }));
            }}
          />
          <span>Mark only the first mention of each program on a page</span>
        </label>
        <label class="field">
          <span>Card delay</span>
          <input
            type="number"
            name="cardDelayMs"
            min={CARD_DELAY_MIN}
            max={CARD_DELAY_MAX}
            step={50}
            value={settings.cardDelayMs}
            aria-describedby="opt-delay-help"
            onChange={(e) => {
              const v = Number((e.currentTarget as HTMLInputElement).value);
              if (Number.isFinite(v)) save((s) => ({ ...s, cardDelayMs: clampCardDelay(v) }));
            }}
          />
          <span id="opt-delay-help" class="muted">
            ms the pointer rests on a mention before its card opens ({CARD_DELAY_MIN}–{CARD_DELAY_MAX})
          </span>
        </label>
        <p>
          <button
            type="button"
            onClick={() =>
              save((s) => ({
                ...s,
                highlightStyle: DEFAULT_SETTINGS.highlightStyle,
                firstMentionOnly: DEFAULT_SETTINGS.firstMentionOnly,
                cardDelayMs: DEFAULT_SETTINGS.cardDelayMs,
                disabledSites: [],
              }))
            }
          >
            Restore defaults
          </button>{' '}
          <span class="muted small">(sites on, marks and delay; keeps your extra sites and followed programs)</span>
        </p>
      </section>

      <section aria-labelledby="opt-follow">
        <h2 id="opt-follow">Followed programs</h2>
        <p class="muted">
          A notification when a followed program's call opens, and 7 days and 1 day before it closes (when the data has the
          dates). The browser asks for permission to show notifications when you first follow one.{' '}
          <a href={browser.runtime.getURL('/compare.html')} target="_blank" rel="noopener">
            Compare programs
          </a>
        </p>
        {needsNotifications && (
          <p class="notice">
            Notifications are not allowed, so no reminder is shown.{' '}
            <button type="button" onClick={() => void requestNotifications()}>
              Allow notifications
            </button>
          </p>
        )}
        <ul class="plain follow-list">
          {byName.map((p) => (
            <li key={p.id}>
              <label class="switch">
                <input
                  type="checkbox"
                  name={`follow-${p.id}`}
                  checked={followedSet.has(p.id)}
                  onChange={(e) => void setFollowed(p.id, (e.currentTarget as HTMLInputElement).checked, notificationsGranted)}
                />
                <span>
                  {p.shortName} <span class="muted small">{callStatus(p, now).text}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
