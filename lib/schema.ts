/**
 * The program data format: the single source of truth.
 *
 * Contributors edit one YAML file per program under `data/programs/`. This schema validates them
 * (at build time, in `npm run data:check` and in the editor through the generated JSON Schema),
 * and every TypeScript type for program data is inferred from it.
 *
 * Rules of the format, in words:
 * - Every block of facts carries the `source` (an https URL) it was taken from.
 * - Unknown stays empty: omit a field rather than guess. The card says "not stated".
 * - Dates are written as the organiser wrote them: `2026-06-07`, or `2026-03` when only the month
 *   is known, with the call's `timezone` (`AoE`, `UTC` or an IANA zone such as `Europe/London`).
 */
import { z } from 'zod';
import { MENTORSHIP_MODELS, MENTOR_NEEDS, MODE_IDS } from './vocab';

// ---------------------------------------------------------------------------------------------
// Small value types

export const PROGRAM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** `2026-06-07` */
export const DateString = z
  .string({ error: 'expected a date like 2026-06-07' })
  .refine((s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    return !!m && isRealDate(+m[1]!, +m[2]!, +m[3]!);
  }, { error: (iss) => `expected a date like 2026-06-07, got ${JSON.stringify(iss.input)}` })
  .meta({ description: 'A calendar date, YYYY-MM-DD.', examples: ['2026-06-07'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** `2026`, `2026-03` or `2026-03-15`: as precise as the source is. */
export const PartialDateString = z
  .string({ error: 'expected a date like 2026-06-07 (or 2026-06 when only the month is known)' })
  .refine((s) => {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
    if (!m) return false;
    const month = m[2] ? +m[2] : 1;
    const day = m[3] ? +m[3] : 1;
    return month >= 1 && month <= 12 && isRealDate(+m[1]!, month, day);
  }, {
    error: (iss) =>
      `expected a date like 2026-06-07, or 2026-06 when only the month is known, got ${JSON.stringify(iss.input)}`,
  })
  .meta({
    description: 'A date as precise as the source gives it: YYYY-MM-DD, YYYY-MM or YYYY.',
    examples: ['2026-06-07', '2026-06', '2026'],
    pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$',
  });

/** `2026-06-07` or `2026-06-07 23:59` (local time in the call's time zone), or a month. */
export const DateTimeString = z
  .string({ error: 'expected a date like 2026-06-07 or 2026-06-07 23:59' })
  .refine((s) => {
    const m = /^(\d{4})-(\d{2})(?:-(\d{2})(?: ([01]\d|2[0-3]):([0-5]\d))?)?$/.exec(s);
    if (!m) return false;
    const month = +m[2]!;
    return month >= 1 && month <= 12 && isRealDate(+m[1]!, month, m[3] ? +m[3] : 1);
  }, {
    error: (iss) =>
      `expected a date like 2026-06-07 or 2026-06-07 23:59 (or 2026-06 when only the month is known), got ${JSON.stringify(iss.input)}`,
  })
  .meta({
    description:
      'Local date (and optional 24-hour time) in the call\'s time zone: YYYY-MM-DD, YYYY-MM-DD HH:MM, or YYYY-MM when only the month is known.',
    examples: ['2026-06-07', '2026-06-07 23:59', '2027-03'],
    pattern: '^\\d{4}-\\d{2}(-\\d{2}( \\d{2}:\\d{2})?)?$',
  });

export const HttpsUrl = z
  .string({ error: 'expected an https:// URL' })
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' && u.hostname.includes('.') && !u.username && !u.password;
    } catch {
      return false;
    }
  }, { error: (iss) => `expected an https:// URL, got ${JSON.stringify(iss.input)}` })
  .meta({ description: 'An https:// URL.', format: 'uri', pattern: '^https://' });

/**
 * A source is the URL of the page the facts of the block were read from, or a list of them when the
 * block draws on several pages.
 */
export const SourceUrl = z
  .union([HttpsUrl, z.array(HttpsUrl).min(1)])
  .meta({
    description:
      "The page(s) this block's facts come from: the organiser's page or announcement where possible. https only.",
  });
export type SourceRef = z.output<typeof SourceUrl>;

const NonEmpty = z.string().trim().min(1, { error: 'must not be empty' });

/** Time zones: Anywhere on Earth, UTC, or an IANA zone name. */
export const TimeZone = z
  .string()
  .refine((tz) => {
    if (tz === 'AoE' || tz === 'UTC') return true;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return tz.includes('/');
    } catch {
      return false;
    }
  }, {
    error: (iss) =>
      `expected AoE, UTC or an IANA time zone such as Europe/London or America/Los_Angeles, got ${JSON.stringify(iss.input)}`,
  })
  .meta({
    description: 'AoE (Anywhere on Earth, UTC−12), UTC, or an IANA zone such as Europe/London.',
    examples: ['AoE', 'UTC', 'America/Los_Angeles', 'Europe/London'],
  });

// ---------------------------------------------------------------------------------------------
// Aliases: how people write the program's name, and how safe each spelling is to match

export const AliasObject = z
  .strictObject({
    text: NonEmpty.meta({ description: 'The spelling, exactly as people write it.' }),
    case: z
      .enum(['sensitive', 'insensitive'])
      .default('sensitive')
      .meta({
        description:
          'sensitive (default): only this exact capitalisation matches ("MATS", not "mats"). insensitive: any capitalisation.',
      }),
    editions: z
      .boolean()
      .default(false)
      .meta({
        description:
          'The name may carry an edition number: "AISC10", "AISC 10", "ARENA 5.0", "MATS 8.0", "MLAB2".',
      }),
    ambiguous: z
      .boolean()
      .default(false)
      .meta({
        description:
          'The spelling is also an ordinary word or another thing\'s name ("Refine", "Pivotal", "ARENA"): it is only marked when the same post or comment supports it (the program\'s context words, another program, an edition number).',
      }),
    context_only: z
      .boolean()
      .default(false)
      .meta({
        description:
          'Stricter than ambiguous: marked only where the program\'s own `context` words appear in the same post or comment (for a spelling that usually means the organisation, such as "SERI").',
      }),
    followed_by: z
      .array(NonEmpty)
      .optional()
      .meta({
        description:
          'Match this spelling only when one of these words follows it (an organisation\'s name that means the program only as in "GovAI fellowship"). The words are not part of the mention.',
        examples: [['fellowship', 'fellowships', 'fellows', 'summer fellowship']],
      }),
    shared_with: z
      .array(z.string().regex(PROGRAM_ID))
      .optional()
      .meta({ description: 'Other programs that may also be called this; declare it so the check allows it.' }),
    note: z.string().optional().meta({ description: 'What else this spelling means, for the next contributor.' }),
  })
  .meta({ title: 'Alias' });

export const Alias = z
  .union([NonEmpty, AliasObject])
  .meta({ description: 'A spelling of the name. A plain string is a case-sensitive, unambiguous alias.' });

// ---------------------------------------------------------------------------------------------
// Facts about the program

export const MentorshipModel = z.enum(MENTORSHIP_MODELS).meta({
  description: [
    'mentor-matched: each participant works with an assigned mentor or supervisor (apprenticeship).',
    'research-teams: a mentor or project lead runs a small team on a project.',
    'incubator: peers develop their own agendas with feedback; little mentor time.',
    'course: a cohort course led by facilitators.',
    'bootcamp: an intensive taught curriculum with teaching assistants.',
    'sprint: many participants work in parallel on one short research push or hackathon.',
    'residency: researchers work independently in a shared space; no assigned mentor.',
  ].join('\n'),
});

export const MentorNeed = z.enum(MENTOR_NEEDS).meta({
  description: [
    'How much experienced-mentor time the program needs per participant:',
    'high: a dedicated mentor for each participant, every week.',
    'medium: one mentor or lead shared by a team, or regular check-ins.',
    'low: occasional feedback; peers and organisers carry most of it.',
    'none: no mentors (teaching staff only, or fully independent).',
  ].join('\n'),
});

export const Mentorship = z.strictObject({
  model: MentorshipModel,
  mentor_need: MentorNeed,
  how: NonEmpty.meta({
    description: 'One plain sentence on how mentorship works in this program.',
    examples: ['Each fellow is matched with a mentor who meets them for 1–2 hours a week.'],
  }),
  mentor_time: z
    .string()
    .optional()
    .meta({ description: 'Mentor time as the source states it.', examples: ['at least 1 h/week per scholar'] }),
  source: SourceUrl,
});

export const Audience = z.strictObject({
  summary: NonEmpty.meta({ description: 'Whom the program is for, in one sentence.' }),
  source: SourceUrl,
});

export const Format = z.strictObject({
  mode: z.enum(MODE_IDS).optional(),
  location: z.string().optional().meta({ examples: ['Berkeley, CA and London, UK'] }),
  length: z.string().optional().meta({ examples: ['10 weeks', '3 months'] }),
  hours: z.string().optional().meta({ examples: ['40 h/week', 'at least 10 h/week'] }),
  stipend: z
    .string()
    .optional()
    .meta({ description: 'As the source states it; "none" only if the source says there is none.', examples: ['USD 15,000'] }),
  source: SourceUrl,
});

export const Organiser = z.strictObject({
  name: NonEmpty.meta({ description: 'The organisation, as readers know it: a name, not a description.' }),
  note: z.string().optional().meta({ description: 'Who runs it, history, funding: details shown on the compare page.' }),
  url: HttpsUrl.optional(),
  source: SourceUrl,
});

export const Status = z
  .strictObject({
    state: z.enum(['active', 'paused', 'discontinued']),
    since: PartialDateString.optional().meta({ description: 'When it ended or paused (required for discontinued).' }),
    note: z.string().optional().meta({ examples: ['Ran once, August–October 2022.'] }),
    source: SourceUrl,
  })
  .refine((s) => s.state === 'active' || !!s.since, {
    error: 'a discontinued or paused program needs `since`: when it ended, e.g. 2022-11',
    path: ['since'],
  });

export const PreviousName = z.strictObject({
  name: NonEmpty,
  until: PartialDateString.optional(),
  source: SourceUrl,
});

// ---------------------------------------------------------------------------------------------
// Calls (application rounds)

export const Call = z
  .strictObject({
    name: NonEmpty.meta({ description: 'The round as the organiser names it.', examples: ['Autumn 2026', 'AISC 11'] }),
    for: z
      .enum(['participants', 'mentors', 'project-leads'])
      .default('participants')
      .meta({ description: 'Who applies in this call (default participants).' }),
    state: z
      .enum(['dated', 'announced', 'rolling'])
      .default('dated')
      .meta({
        description:
          'dated (default): the dates below apply. announced: announced, not yet open, no exact date. rolling: applications are reviewed continuously.',
      }),
    opens: DateTimeString.optional(),
    closes: DateTimeString.optional(),
    timezone: TimeZone.optional().meta({
      description: 'The time zone of opens/closes. Leave empty when the source does not say (treated as AoE).',
    }),
    starts: PartialDateString.optional().meta({ description: 'When the program itself starts.' }),
    ends: PartialDateString.optional(),
    participants: z.int().positive().optional().meta({ description: 'Participants in this round, as reported.' }),
    mentors: z.int().positive().optional().meta({ description: 'Mentors in this round, as reported.' }),
    location: z.string().optional(),
    stipend: z.string().optional(),
    apply_url: HttpsUrl.optional(),
    note: z.string().optional(),
    source: SourceUrl,
  })
  .meta({ title: 'Call' });

// ---------------------------------------------------------------------------------------------
// A program

export const Program = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Editor hint; ignored.' }),
    id: z
      .string()
      .regex(PROGRAM_ID, { error: 'expected a short lowercase slug like mats or ai-safety-camp' })
      .meta({ description: 'Short lowercase slug; must equal the file name.' }),
    name: NonEmpty.meta({ description: 'Full official name.' }),
    short_name: NonEmpty.meta({ description: 'What people usually call it.' }),
    summary: z.string().optional().meta({ description: 'What the program is, in one sentence.' }),
    aliases: z.array(Alias).min(1, { error: 'needs at least one alias (the name people write)' }),
    context: z
      .array(NonEmpty)
      .default([])
      .meta({
        description:
          'Words or names that, found in the same post or comment, show an ambiguous alias means this program (organiser, people, places).',
        examples: [['Conjecture', 'Adam Shimi', 'incubator']],
      }),
    veto: z
      .array(NonEmpty)
      .default([])
      .meta({
        description:
          'Phrases containing an alias that mean something else; a mention inside one is never marked ("Chatbot Arena", "pivotal act").',
      }),
    previous_names: z.array(PreviousName).default([]),
    organiser: Organiser,
    url: HttpsUrl.meta({ description: 'The official page (or announcement, if there is no page).' }),
    status: Status,
    mentorship: Mentorship.optional().meta({ description: 'Leave out when no source says how mentorship works; the card says "not stated".' }),
    audience: Audience.optional().meta({ description: 'Leave out when no source says whom the program is for.' }),
    format: Format.optional().meta({ description: 'Leave out when no source describes the format.' }),
    calls: z.array(Call).default([]),
    verified: DateString.meta({ description: 'When a person last checked these facts against the sources.' }),
  })
  .meta({ title: 'Program' });

export type ProgramInput = z.input<typeof Program>;
export type Program = z.output<typeof Program>;
export type AliasSpec = z.output<typeof AliasObject>;
export type CallData = z.output<typeof Call>;
export type { MentorshipModelId, MentorNeedId, ModeId } from './vocab';
