/**
 * The compare page: every program in one table, sortable and filterable. The filters and sort
 * live in the query string (a view can be bookmarked); the fragment names a row
 * (`compare.html#mats` scrolls to the MATS row and highlights it, clearing filters that hide it).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import dataset from 'virtual:dataset';
import {
  compareRows,
  DEFAULT_QUERY,
  MODE_FILTERS,
  NEED_FILTERS,
  queryFromSearch,
  queryToSearch,
  STATUS_FILTERS,
  visibleRows,
  type CompareQuery,
  type CompareRow,
  type SortKey,
} from '../lib/compare';
import type { CompiledProgram } from '../lib/dataset/types';
import { formatLocalDate, formatSpan, yearOf } from '../lib/dates';
import { formatLine, modelLabel, NOT_STATED, stipendLine } from '../lib/describe';
import { requestNotifications, setFollowed } from '../lib/ext/follow';
import { FollowButton } from './FollowButton';
import { useNotificationsGranted, useSettings } from './hooks';

const COLUMNS: { key: SortKey | null; label: string }[] = [
  { key: 'program', label: 'Program' },
  { key: 'mentorship', label: 'Mentorship and mentor need' },
  { key: 'ratio', label: 'Mentees per mentor' },
  { key: null, label: 'For' },
  { key: 'format', label: 'Format' },
  { key: 'status', label: 'Status' },
  { key: 'deadline', label: 'Next deadline' },
];

function hashId(): string {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return '';
  }
}

export function Compare({ now = Date.now(), programs = dataset.programs }: { now?: number; programs?: CompiledProgram[] }) {
  const settings = useSettings();
  const notificationsGranted = useNotificationsGranted();
  const [query, setQueryState] = useState<CompareQuery>(() => queryFromSearch(location.search));
  const [target, setTarget] = useState(hashId);
  const rows = useMemo(() => compareRows(programs, now), [programs, now]);
  const followed = useMemo(() => new Set(settings?.followed ?? []), [settings]);
  const shown = useMemo(() => visibleRows(rows, query, followed), [rows, query, followed]);

  const setQuery = (next: CompareQuery) => {
    setQueryState(next);
    history.replaceState(null, '', `${location.pathname}${queryToSearch(next)}${location.hash}`);
  };
  const update = <K extends keyof CompareQuery>(key: K, value: CompareQuery[K]) => setQuery({ ...query, [key]: value });

  useEffect(() => {
    const onHash = () => setTarget(hashId());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  // The row named by the fragment: shown (filters cleared if they hide it), scrolled to, focused.
  const targetShown = shown.some((r) => r.program.id === target);
  useEffect(() => {
    if (!settings || !target || !programs.some((p) => p.id === target)) return;
    if (!targetShown) {
      setQuery({ ...DEFAULT_QUERY, sort: query.sort, dir: query.dir });
      return;
    }
    const row = document.getElementById(target);
    row?.scrollIntoView({ block: 'center' });
    row?.focus({ preventScroll: true });
  }, [target, targetShown, settings !== null]);

  const sortBy = (key: SortKey) =>
    setQuery({ ...query, sort: key, dir: query.sort === key && query.dir === 'asc' ? 'desc' : 'asc' });
  const sortedLabel = COLUMNS.find((c) => c.key === query.sort)?.label ?? '';
  const filtered = JSON.stringify({ ...query, sort: '', dir: '' }) !== JSON.stringify({ ...DEFAULT_QUERY, sort: '', dir: '' });
  const needsNotifications = notificationsGranted === false && (settings?.followed.length ?? 0) > 0;

  return (
    <main class="compare-page">
      <header class="page-head">
        <h1>Compare AI-safety programs</h1>
        <p class="muted">
          Mentorship and training programs from the extension's data, with their calls' status on{' '}
          {formatLocalDate(new Date(now).toISOString().slice(0, 10))}. Every fact has a source in the{' '}
          <a href={dataset.repository} target="_blank" rel="noopener noreferrer">
            data files
          </a>
          .{' '}
          <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener noreferrer">
            Options
          </a>
        </p>
      </header>

      <form class="filters" role="search" aria-label="Filter programs" onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>Search</span>
          <input
            type="search"
            name="q"
            value={query.q}
            placeholder="name, organiser, place…"
            onInput={(e) => update('q', (e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <Select label="Applications" name="status" value={query.status} options={STATUS_FILTERS} onChange={(v) => update('status', v)} />
        <Select label="Format" name="mode" value={query.mode} options={MODE_FILTERS} onChange={(v) => update('mode', v)} />
        <Select label="Mentor need" name="need" value={query.need} options={NEED_FILTERS} onChange={(v) => update('need', v)} />
        <label class="check">
          <input
            type="checkbox"
            name="followed"
            checked={query.followedOnly}
            onChange={(e) => update('followedOnly', (e.currentTarget as HTMLInputElement).checked)}
          />
          <span>Followed only</span>
        </label>
        <button type="button" disabled={!filtered} onClick={() => setQuery({ ...DEFAULT_QUERY, sort: query.sort, dir: query.dir })}>
          Clear filters
        </button>
      </form>

      <p id="cmp-count" class="count" role="status">
        Showing {shown.length} of {rows.length} programs
      </p>
      {needsNotifications && (
        <p class="notice">
          Reminders for the programs you follow need permission to show notifications.{' '}
          <button type="button" onClick={() => void requestNotifications()}>
            Allow notifications
          </button>
        </p>
      )}

      <div class="table-wrap" role="region" aria-labelledby="cmp-caption" tabIndex={0}>
        <table class="compare">
          <caption id="cmp-caption">
            AI-safety programs, sorted by {sortedLabel.toLowerCase()} ({query.dir === 'asc' ? 'ascending' : 'descending'})
          </caption>
          <thead>
            <tr>
              {COLUMNS.map(({ key, label }) => {
                const sorted = key !== null && query.sort === key;
                return (
                  <th
                    scope="col"
                    key={label}
                    aria-sort={sorted ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                    data-column={key ?? 'audience'}
                  >
                    {key ? (
                      <button type="button" class="sort" onClick={() => sortBy(key)}>
                        {label}
                        <span class="arrow" aria-hidden="true">
                          {sorted ? (query.dir === 'asc' ? '▲' : '▼') : '↕'}
                        </span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <Row
                key={row.program.id}
                row={row}
                now={now}
                isTarget={row.program.id === target}
                followed={followed.has(row.program.id)}
                onFollow={(on) => void setFollowed(row.program.id, on, notificationsGranted)}
              />
            ))}
          </tbody>
        </table>
        {shown.length === 0 && <p class="empty">No program matches these filters.</p>}
      </div>
    </main>
  );
}

function Select<T extends string>(props: {
  label: string;
  name: string;
  value: T;
  options: Record<T, string>;
  onChange: (value: T) => void;
}) {
  return (
    <label>
      <span>{props.label}</span>
      <select name={props.name} value={props.value} onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value as T)}>
        {(Object.entries(props.options) as [T, string][]).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

function Row({
  row,
  now,
  isTarget,
  followed,
  onFollow,
}: {
  row: CompareRow;
  now: number;
  isTarget: boolean;
  followed: boolean;
  onFollow: (on: boolean) => void;
}) {
  const p = row.program;
  const y = yearOf(now);
  const ratioCall = p.calls.find((c) => c.participants && c.mentors);
  const deadline = row.deadline?.closes;
  return (
    <tr id={p.id} data-program={p.id} class={isTarget ? 'is-target' : undefined} tabIndex={-1}>
      <th scope="row">
        <a href={p.url} target="_blank" rel="noopener noreferrer" class="program-name">
          {p.shortName}
        </a>
        {p.shortName !== p.name && <span class="full-name">{p.name}</span>}
        <span class="muted small" title={p.organiser.note}>{p.organiser.name}</span>
        <FollowButton name={p.shortName} followed={followed} onChange={onFollow} />
      </th>
      <td>
        <span class={p.mentorship ? undefined : 'muted'}>{modelLabel(p)}</span>
        {p.mentorship?.mentorTime && <span class="muted small">Mentors: {p.mentorship.mentorTime}</span>}
      </td>
      <td class="num">
        {row.ratio !== undefined ? (
          <>
            {row.ratio.toFixed(row.ratio < 10 ? 1 : 0)}
            {ratioCall && (
              <span class="muted small">
                {ratioCall.participants} / {ratioCall.mentors}, {ratioCall.name}
              </span>
            )}
          </>
        ) : (
          <span class="muted">{NOT_STATED}</span>
        )}
      </td>
      <td class="audience">{p.audience ?? <span class="muted">{NOT_STATED}</span>}</td>
      <td>
        {formatLine(p)}
        <span class="small">
          Stipend: <span class={p.format.stipend ? undefined : 'muted'}>{stipendLine(p)}</span>
        </span>
      </td>
      <td>
        <span class={`status status-${row.status.kind}`}>{row.status.text}</span>
      </td>
      <td>
        {deadline && row.deadline ? (
          <>
            {formatLocalDate(deadline.local, y)}
            {row.deadline.timezoneStated && `, ${row.deadline.timezone}`}
            <span class="muted small">in {formatSpan(deadline.at - now)}</span>
          </>
        ) : (
          <span class="muted">none known</span>
        )}
      </td>
    </tr>
  );
}
