/**
 * `npm run data:check` on the real dataset and on broken copies: each mistake is reported with
 * the file, the field path and the problem in words, and makes the check fail.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadPrograms } from '../../lib/dataset/load';
import { programJsonSchema } from '../../lib/json-schema';
import { projectRoot } from '../../scripts/paths';

const REQUIRED_IDS = [
  'mats', 'refine', 'pibbss', 'philosophy-fellowship', 'aisc', 'spar', 'arena', 'era', 'lasr', 'astra',
  'anthropic-fellows', 'bluedot', 'mlab', 'remix', 'clr-fellowship', 'govai-fellowship', 'chai-internship',
  'mlss', 'athena', 'pivotal', 'cbai', 'apart-lab', 'catalyze',
];

/** A copy of the repository's data, with `edit` applied to one file's text. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const root = mkdtempSync(join(tmpdir(), 'programs-data-'));
  cpSync(join(projectRoot, 'data'), join(root, 'data'), { recursive: true });
  const path = join(root, 'data/programs', file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return root;
}

function errorsOf(root: string): string[] {
  return loadPrograms(root, Date.parse('2026-11-28T12:00:00Z'))
    .problems.filter((p) => p.severity === 'error')
    .map(formatProblem);
}

describe('the dataset', () => {
  const { files, problems } = loadPrograms(projectRoot, Date.parse('2026-11-28T12:00:00Z'));

  it('passes the check', () => {
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  });

  it('has at least 30 programs, including every program the project promised', () => {
    const ids = files.map((f) => f.program.id);
    expect(ids.length).toBeGreaterThanOrEqual(30);
    expect(REQUIRED_IDS.filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('keeps discontinued programs, with when they ended', () => {
    const byId = new Map(files.map((f) => [f.program.id, f.program]));
    for (const id of ['refine', 'mlab']) {
      expect(byId.get(id)?.status).toMatchObject({ state: 'discontinued' });
      expect(byId.get(id)?.status.since).toBeTruthy();
    }
  });

  it('ships an up-to-date JSON Schema for editors (npm run data:schema)', () => {
    expect(readFileSync(join(projectRoot, 'data/schema.json'), 'utf8')).toBe(programJsonSchema());
  });
});

describe('data:check on broken copies', () => {
  it('names the file, the field and the problem for a badly written date', () => {
    const root = brokenCopy('mats.yaml', (t) => t.replace('closes: 2026-06-07', 'closes: June 7th'));
    expect(errorsOf(root)).toEqual([
      expect.stringMatching(/^data\/programs\/mats\.yaml: calls\[0\]\.closes: expected a date like 2026-06-07 or 2026-06-07 23:59 .*got "June 7th" \(line \d+\)$/),
    ]);
  });

  it('rejects http URLs', () => {
    const root = brokenCopy('mats.yaml', (t) => t.replace('url: https://www.matsprogram.org/\n\nstatus', 'url: http://www.matsprogram.org/\n\nstatus'));
    expect(errorsOf(root)).toEqual([expect.stringContaining('data/programs/mats.yaml: url: expected an https:// URL, got "http://www.matsprogram.org/"')]);
  });

  it('rejects unknown fields and values outside the vocabulary', () => {
    const root = brokenCopy('mats.yaml', (t) =>
      t.replace('  model: mentor-matched', '  model: apprenticeship').replace('short_name: MATS', 'short_name: MATS\nshortname: MATS'),
    );
    const errors = errorsOf(root);
    expect(errors).toContainEqual(expect.stringContaining('data/programs/mats.yaml: mentorship.model: expected one of "mentor-matched"'));
    expect(errors).toContainEqual(expect.stringContaining('data/programs/mats.yaml: unknown field "shortname"'));
  });

  it('requires a source for every block', () => {
    const root = brokenCopy('mats.yaml', (t) => t.replace('status:\n  state: active\n  source: https://matsprogram.org/program/autumn-2026', 'status:\n  state: active'));
    expect(errorsOf(root)).toEqual([expect.stringContaining('data/programs/mats.yaml: status.source: ')]);
  });

  it('checks that dates are in order', () => {
    const root = brokenCopy('mats.yaml', (t) => t.replace('    starts: 2026-09-28', '    starts: 2026-05-28'));
    expect(errorsOf(root)).toEqual([expect.stringContaining('data/programs/mats.yaml: calls[0].starts: starts (2026-05-28) is before closes (2026-06-07)')]);
  });

  it('rejects a verified date in the future', () => {
    const root = brokenCopy('mats.yaml', (t) => t.replace(/^verified: .*$/m, 'verified: 2030-01-01'));
    expect(errorsOf(root)).toEqual(['data/programs/mats.yaml: verified: 2030-01-01 is in the future']);
  });

  it('rejects an alias claimed by two programs unless declared', () => {
    const root = brokenCopy('pibbss.yaml', (t) => t.replace(/^aliases:\n/m, 'aliases:\n  - SERI MATS\n'));
    const errors = errorsOf(root);
    expect(errors).toContainEqual(expect.stringContaining('data/programs/pibbss.yaml: aliases[0]: "SERI MATS" is also an alias of mats'));
    expect(errors).toContainEqual(expect.stringMatching(/data\/programs\/mats\.yaml: aliases\[\d\]: "SERI MATS" is also an alias of pibbss/));
  });

  it('rejects an id that does not match the file name, and duplicate ids', () => {
    const root = brokenCopy('pibbss.yaml', (t) => t.replace(/^id: pibbss$/m, 'id: mats'));
    const errors = errorsOf(root);
    expect(errors).toContainEqual('data/programs/pibbss.yaml: id: must equal the file name: expected "pibbss", got "mats"');
    expect(errors).toContainEqual('data/programs/pibbss.yaml: id: "mats" is already the id of data/programs/mats.yaml');
  });

  it('reports YAML syntax errors with their line', () => {
    const root = brokenCopy('mats.yaml', (t) => t.replace('name: ML Alignment & Theory Scholars', 'name: [ML Alignment'));
    expect(errorsOf(root)[0]).toMatch(/^data\/programs\/mats\.yaml: not valid YAML: .*\(line \d+\)$/);
  });

  it('exits non-zero from the command line', () => {
    const root = brokenCopy('mats.yaml', (t) => t.replace('closes: 2026-06-07', 'closes: June 7th'));
    const run = spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'scripts/data-check.ts'), root], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('data/programs/mats.yaml: calls[0].closes: expected a date like 2026-06-07');
    const ok = execFileSync(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'scripts/data-check.ts')], { encoding: 'utf8' });
    expect(ok).toMatch(/data:check passed: \d+ program file\(s\) valid, 0 error\(s\)/);
  });
});
