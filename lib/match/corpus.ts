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
 * Exact scoring: a found mention counts when a labelled one has the same program and the same
 * span. (Overlapping spans with the wrong extent count as one miss and one false alarm.)
 */
export function score(items: LabelledItem[], detect: (text: string) => Mention[]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: Score['errors'] = [];
  const context = (text: string, start: number, end: number) =>
    `${text.slice(Math.max(0, start - 40), start)}[${text.slice(start, end)}]${text.slice(end, end + 40)}`.replace(/\s+/g, ' ');
  for (const item of items) {
    const found = detect(item.text);
    const key = (m: { program: string; start: number; end: number }) => `${m.program}:${m.start}:${m.end}`;
    const expected = new Set(item.mentions.map(key));
    const got = new Set(found.map(key));
    for (const m of found) {
      if (expected.has(key(m))) tp++;
      else {
        fp++;
        errors.push({ id: item.id, kind: 'false-positive', program: m.program, text: m.text, context: context(item.text, m.start, m.end) });
      }
    }
    for (const m of item.mentions) {
      if (!got.has(key(m))) {
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
