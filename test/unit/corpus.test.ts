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
    const report = `precision ${result.precision.toFixed(4)}, recall ${result.recall.toFixed(4)} ` +
      `(${result.truePositives} right, ${result.falsePositives} false alarms, ${result.falseNegatives} missed)\n` +
      result.errors.map((e) => `  ${e.kind} ${e.id} ${e.program}: ${e.context}`).join('\n');
    console.log(report);
    expect(result.precision, report).toBeGreaterThanOrEqual(0.98);
    expect(result.recall, report).toBeGreaterThanOrEqual(0.95);
  });
});
