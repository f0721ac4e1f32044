/**
 * The compiled dataset: what the extension's pages and content script receive. Plain data made at
 * build time from the validated YAML files (`compile.ts`): no zod, no YAML, dates already turned
 * into instants. Field names follow the data files where they mean the same thing.
 */
import type { MentorNeedId, MentorshipModelId, ModeId } from '../vocab';
import type { Precision } from '../dates';
import type { CompiledMatcher } from '../match/types';

export interface CompiledDate {
  /** As written in the data file, e.g. "2026-06-07" or "2026-06-07 23:59". */
  local: string;
  precision: Precision;
  /** First instant of the stated period (for `opens`) or last instant (for `closes`), epoch ms. */
  at: number;
}

export interface CompiledCall {
  name: string;
  for: 'participants' | 'mentors' | 'project-leads';
  state: 'dated' | 'announced' | 'rolling';
  opens?: CompiledDate;
  closes?: CompiledDate;
  /** The zone the dates are in; `AoE` when the source did not say (`timezoneStated` false). */
  timezone: string;
  timezoneStated: boolean;
  starts?: string;
  ends?: string;
  participants?: number;
  mentors?: number;
  location?: string;
  stipend?: string;
  applyUrl?: string;
  note?: string;
  sources: string[];
}

export interface CompiledProgram {
  id: string;
  name: string;
  shortName: string;
  summary?: string;
  organiser: { name: string; note?: string; url?: string };
  url: string;
  previousNames: string[];
  status: { state: 'active' | 'paused' | 'discontinued'; since?: string; note?: string };
  /** Absent when no source says how mentorship works. */
  mentorship?: { model: MentorshipModelId; need: MentorNeedId; how: string; mentorTime?: string };
  audience?: string;
  format: {
    mode?: ModeId;
    location?: string;
    length?: string;
    hours?: string;
    stipend?: string;
  };
  /** Newest first by closing date (then opening, then start). */
  calls: CompiledCall[];
  verified: string;
  /** Every source URL the file cites, in order of first use. */
  sources: string[];
  /** Path of the data file in the repository, for "Suggest a correction". */
  file: string;
}

export interface CompiledDataset {
  programs: CompiledProgram[];
  matcher: CompiledMatcher;
  /** e.g. https://github.com/owner/repo, from package.json. */
  repository: string;
}
