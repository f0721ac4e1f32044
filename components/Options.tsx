/** Options: where the extension is on, and how mentions look. */
import { useEffect, useState } from 'preact/hooks';
import { loadSettings, onSettingsChanged, updateSettings } from '../lib/ext/settings-store';
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings';
import { SITES } from '../lib/sites';

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return onSettingsChanged(setSettings);
  }, []);
  if (!settings) return <main class="options" />;
  const save = (change: (s: Settings) => Settings) => void updateSettings(change).then(setSettings);
  const hosts = SITES.flatMap((s) => s.hosts.map((h) => ({ host: h, label: s.label })));
  return (
    <main class="options">
      <h1>AI Safety Programs Lens</h1>
      <h2>Sites</h2>
      <ul class="plain">
        {hosts.map(({ host, label }) => (
          <li key={host}>
            <label class="switch">
              <input
                type="checkbox"
                name={`site-${host}`}
                checked={!settings.disabledSites.includes(host)}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  save((s) => ({
                    ...s,
                    disabledSites: on ? s.disabledSites.filter((h) => h !== host) : [...s.disabledSites, host],
                  }));
                }}
              />
              <span>
                {label} <span class="muted">({host})</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <h2>Marks</h2>
      <fieldset class="plain">
        <legend>Mention style</legend>
        {(['underline', 'background', 'none'] as const).map((style) => (
          <label class="switch" key={style}>
            <input
              type="radio"
              name="highlightStyle"
              value={style}
              checked={settings.highlightStyle === style}
              onChange={() => save((s) => ({ ...s, highlightStyle: style }))}
            />
            <span>{style === 'underline' ? 'Dotted underline' : style === 'background' ? 'Tinted background' : 'No marks (cards still open on hover)'}</span>
          </label>
        ))}
      </fieldset>
      <p>
        <button type="button" onClick={() => save(() => ({ ...DEFAULT_SETTINGS }) as Settings)}>
          Restore defaults
        </button>
      </p>
    </main>
  );
}
