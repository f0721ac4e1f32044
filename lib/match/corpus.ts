/**
 * The labelled corpus format (test/corpus/*.jsonl) and how detection is scored against it.
 * A mention is written inline as {{surface|program-id}}; the plain text is the item without the
 * markup. Pure; shared by the corpus test and `npm run scan -- --score`.
 */
import type { Mention } from './types';

export interface LabelledItem {
  id: string;
  kind?: string;
  text: string;
  mentions: { program: string; start: number; end: number; text: string }[];
}

const MARK = /\{\{([^{}|]+)\|([a-z0-9-]+)\}\}/g;

export function parseLabelled(id: string, marked: string, kind?: string): LabelledItem {
  let text = '';
  let last = 0;
  const mentions: LabelledItem['mentions'] = [];
  for (const m of marked.matchAll(MARK)) {
    text += marked.slice(last, m.index);
    const start = text.length;
    text += m[1]!;
    mentions.push({ program: m[2]!, start, end: text.length, text: m[1]! });
    last = m.index! + m[0].length;
  }
  text += marked.slice(last);
  return { id, kind, text, mentions };
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  errors: { id: string; kind: 'false-positive' | 'false-negative'; program: string; text: string; context: string }[];
}

/**
 * `exact` (default): a found mention counts when a labelled one has the same program and the same
 * span; a span of the wrong extent counts as one miss and one false alarm. `overlap`: the same
 * program and overlapping spans, each label used once (forgives span conventions such as
 * whether "CHAI internship" or "CHAI" is the name).
 */
export function score(items: LabelledItem[], detect: (text: string) => Mention[], mode: 'exact' | 'overlap' = 'exact'): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: Score['errors'] = [];
  const context = (text: string, start: number, end: number) =>
    `${text.slice(Math.max(0, start - 40), start)}[${text.slice(start, end)}]${text.slice(end, end + 40)}`.replace(/\s+/g, ' ');
  for (const item of items) {
    const found = detect(item.text);
    type Span = { program: string; start: number; end: number };
    const same = (a: Span, b: Span) =>
      a.program === b.program && (mode === 'exact' ? a.start === b.start && a.end === b.end : a.start < b.end && b.start < a.end);
    const unmatchedLabels = new Set(item.mentions);
    const matchedFound = new Set<Mention>();
    for (const m of found) {
      const label = [...unmatchedLabels].find((l) => same(l, m));
      if (label) {
        unmatchedLabels.delete(label);
        matchedFound.add(m);
      }
    }
    for (const m of found) {
      if (matchedFound.has(m)) tp++;
      else {
        fp++;
        errors.push({ id: item.id, kind: 'false-positive', program: m.program, text: m.text, context: context(item.text, m.start, m.end) });
      }
    }
    for (const m of item.mentions) {
      if (unmatchedLabels.has(m)) {
        fn++;
        errors.push({ id: item.id, kind: 'false-negative', program: m.program, text: m.text, context: context(item.text, m.start, m.end) });
      }
    }
  }
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    errors,
  };
}
