/**
 * The hover card: what a program is, how it mentors, whom it is for, and whether it is open.
 * Pure view: every string from the data is rendered as text (no HTML from data, ever).
 */
import type { CompiledProgram } from '../lib/dataset/types';
import { callStatus } from '../lib/calls';
import { callLines, correctionUrl, formatLine, modelLabel, NOT_STATED, stipendLine } from '../lib/describe';
import { formatLocalDate } from '../lib/dates';

export interface CardProps {
  program: CompiledProgram;
  now: number;
  repository: string;
  /** Opens the compare page at this program's row (in a new tab). */
  onOpenCompare?: () => void;
  onClose: () => void;
  onTurnOffSite?: () => void;
  siteLabel?: string;
}

export function Card({ program: p, now, repository, onOpenCompare, onClose, onTurnOffSite, siteLabel }: CardProps) {
  const status = callStatus(p, now);
  const titleId = `programs-lens-title-${p.id}`;
  const statusId = `programs-lens-status-${p.id}`;
  const showShort = p.shortName !== p.name;
  return (
    <div class="card" role="dialog" aria-modal="false" aria-labelledby={titleId} aria-describedby={statusId} data-program={p.id}>
      <header class="head">
        <div class="titles">
          <h2 id={titleId} class="name">
            {p.name}
            {showShort && <span class="short"> ({p.shortName})</span>}
          </h2>
          <p class="org">{p.organiser.name}</p>
        </div>
        <button type="button" class="close" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" />
          </svg>
        </button>
      </header>

      <p class={`status status-${status.kind}`} id={statusId}>
        <span class="dot" aria-hidden="true" />
        {status.text}
      </p>

      <dl class="facts">
        <dt>Mentorship</dt>
        <dd>
          <span class={p.mentorship ? 'model' : 'model unknown'}>{modelLabel(p)}</span>
          {p.mentorship && (
            <span class="how">
              {p.mentorship.how}
              {p.mentorship.mentorTime && ` (${p.mentorship.mentorTime})`}
            </span>
          )}
        </dd>
        <dt>For</dt>
        <dd class={p.audience ? '' : 'unknown'}>{p.audience ?? NOT_STATED}</dd>
        <dt>Format</dt>
        <dd>
          {formatLine(p)}
          <span class="stipend">
            Stipend: <span class={p.format.stipend ? '' : 'unknown'}>{stipendLine(p)}</span>
          </span>
        </dd>
        {p.calls.length > 0 && (
          <>
            <dt>Rounds</dt>
            <dd>
              <ul class="rounds">
                {callLines(p, now, status).map((line) => (
                  <li key={line.name + (line.audience ?? '')}>
                    <span class="round-name">{line.name}</span>
                    {line.audience && ` (${line.audience})`}
                    {line.applications && `: applications ${line.applications}`}
                    {line.runs && `; runs ${line.runs}`}
                    {line.ratio && `; ${line.ratio}`}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {p.status.state !== 'active' && p.status.note && (
          <>
            <dt>Status</dt>
            <dd>{p.status.note}</dd>
          </>
        )}
      </dl>

      <footer class="foot">
        <div class="links">
          <a href={p.url} target="_blank" rel="noopener noreferrer">
            Official page
          </a>
          {onOpenCompare && (
            <button type="button" class="linklike" onClick={onOpenCompare}>
              Compare programs
            </button>
          )}
          <a href={correctionUrl(repository, p)} target="_blank" rel="noopener noreferrer">
            Suggest a correction
          </a>
        </div>
        <div class="meta">
          <span class="verified">Verified {formatLocalDate(p.verified)}</span>
          {onTurnOffSite && (
            <button type="button" class="off" onClick={onTurnOffSite}>
              Turn off on {siteLabel ?? 'this site'}
            </button>
          )}
        </div>
      </footer>
    </div>
  );
}

