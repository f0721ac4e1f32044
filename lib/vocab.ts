/**
 * Closed vocabularies of the data format and their reader-facing words. Plain constants (no zod)
 * so that the content script can show labels without pulling the schema into the page.
 */

export const MENTORSHIP_MODELS = [
  'mentor-matched',
  'research-teams',
  'incubator',
  'course',
  'bootcamp',
  'sprint',
  'residency',
] as const;
export type MentorshipModelId = (typeof MENTORSHIP_MODELS)[number];

export const MENTOR_NEEDS = ['high', 'medium', 'low', 'none'] as const;
export type MentorNeedId = (typeof MENTOR_NEEDS)[number];

export const MODE_IDS = ['in-person', 'online', 'hybrid', 'online-or-in-person'] as const;
export type ModeId = (typeof MODE_IDS)[number];

export const MENTORSHIP_MODEL_LABELS: Record<MentorshipModelId, string> = {
  'mentor-matched': 'Mentor-matched',
  'research-teams': 'Research-lead teams',
  incubator: 'Peer incubator',
  course: 'Course with facilitators',
  bootcamp: 'Bootcamp',
  sprint: 'Research sprint',
  residency: 'Residency',
};

export const MENTOR_NEED_LABELS: Record<MentorNeedId, string> = {
  high: 'high mentor need',
  medium: 'medium mentor need',
  low: 'low mentor need',
  none: 'no mentors',
};

export const MODE_LABELS: Record<ModeId, string> = {
  'in-person': 'In person',
  online: 'Online',
  hybrid: 'Hybrid',
  'online-or-in-person': 'Online or in person',
};
