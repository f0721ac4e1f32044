/**
 * Detection quality on the project's labelled corpus (test/corpus/*.jsonl, written independently
 * of the matcher): precision ≥ 0.98 and recall ≥ 0.95, scored on exact spans.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import dataset from 'virtual:dataset';
import { parseLabelled, score, type LabelledItem } from '../../lib/match/corpus';
import { createMatcher } from '../../lib/match/match';
import { projectRoot } from '../../scripts/paths';

export function readCorpus(dir: string): LabelledItem[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => {
          const o = JSON.parse(l) as { id: string; text: string; kind?: string };
          return parseLabelled(o.id, o.text, o.kind);
        }),
    );
}

const report = (name: string, r: ReturnType<typeof score>) =>
  `${name}: precision ${r.precision.toFixed(4)}, recall ${r.recall.toFixed(4)} ` +
  `(${r.truePositives} right, ${r.falsePositives} false alarms, ${r.falseNegatives} missed)\n` +
  r.errors.map((e) => `  ${e.kind} ${e.id} ${e.program}: ${e.context}`).join('\n');

describe('the labelled corpus', () => {
  const items = readCorpus(join(projectRoot, 'test/corpus'));
  const matcher = createMatcher(dataset.matcher);
  const result = score(items, (t) => matcher.find(t));

  it('is large and varied enough to mean something', () => {
    expect(items.length).toBeGreaterThanOrEqual(900);
    expect(items.filter((i) => i.mentions.length === 0).length).toBeGreaterThanOrEqual(400);
    const ids = new Set(dataset.programs.map((p) => p.id));
    for (const item of items) for (const m of item.mentions) expect(ids, `${item.id}: unknown id ${m.program}`).toContain(m.program);
  });

  it(`reaches precision ≥ 0.98 and recall ≥ 0.95`, () => {
    const text = report('corpus (exact spans)', result);
    console.log(text);
    expect(result.precision, text).toBeGreaterThanOrEqual(0.98);
    expect(result.recall, text).toBeGreaterThanOrEqual(0.95);
  });
});

/**
 * A second corpus, written later by another person who saw neither the matcher nor the first
 * corpus, and used once to find general failure patterns. It estimates how the matcher does on
 * text it was not tuned on; its span conventions differ a little from the first corpus, so it is
 * also scored on overlapping spans. The bounds catch regressions; the goal is the first corpus's.
 */
describe('the held-out corpus', () => {
  const items = readCorpus(join(projectRoot, 'test/corpus-holdout'));
  const matcher = createMatcher(dataset.matcher);

  it('stays near the goal on text the matcher was not tuned on', () => {
    const exact = score(items, (t) => matcher.find(t));
    const overlap = score(items, (t) => matcher.find(t), 'overlap');
    console.log(report('held-out (exact spans)', exact));
    console.log(report('held-out (overlapping spans)', overlap).split('\n')[0]);
    expect(items.length).toBeGreaterThanOrEqual(400);
    expect(exact.precision).toBeGreaterThanOrEqual(0.95);
    expect(exact.recall).toBeGreaterThanOrEqual(0.93);
    expect(overlap.precision).toBeGreaterThanOrEqual(0.97);
    expect(overlap.recall).toBeGreaterThanOrEqual(0.95);
  });
});
