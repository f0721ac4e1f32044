/** `npm run scan`: the JSON-lines contract and the readable table, through the real command. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/paths';

const run = (args: string[], input = '') =>
  spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'scripts/scan.ts'), ...args], {
    input,
    encoding: 'utf8',
    cwd: projectRoot,
  });

describe('scan --jsonl', () => {
  it('writes one line per input with UTF-16 offsets, reports bad lines by number and goes on', () => {
    const input = [
      JSON.stringify({ id: 'a', text: '🙂 I did SERI-MATS, then ARENA 5.0. Refine your CV!' }),
      '{not json',
      JSON.stringify({ id: 'b', html: '<div><p>I was a <b>MA</b>TS scholar</p><textarea>SPAR</textarea></div>' }),
      JSON.stringify({ id: 'c' }),
      JSON.stringify({ id: 'd', text: 'nothing here' }),
    ].join('\n');
    const r = run(['--jsonl'], input);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        id: 'a',
        mentions: [
          { program: 'mats', start: 9, end: 18, text: 'SERI-MATS' },
          { program: 'arena', start: 25, end: 34, text: 'ARENA 5.0' },
        ],
      },
      { id: 'b', mentions: [{ program: 'mats', start: 8, end: 12, text: 'MATS' }], text: 'I was a MATS scholar' },
      { id: 'd', mentions: [] },
    ]);
    const text = '🙂 I did SERI-MATS, then ARENA 5.0. Refine your CV!';
    expect(text.slice(9, 18)).toBe('SERI-MATS');
    expect(r.stderr).toContain('stdin line 2: not valid JSON');
    expect(r.stderr).toContain('stdin line 4: needs a string "text" or "html" field');
  });
});

describe('scan FILE...', () => {
  it('prints a table of mentions in context, and names files it cannot read', () => {
    const r = run([join('test/fixtures/greaterwrong-post.html'), 'no-such-file.txt']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/test\/fixtures\/greaterwrong-post\.html\s+mats\s+SERI MATS\s+\d+\s+….*\[SERI MATS\]/);
    expect(r.stderr).toContain('no-such-file.txt: cannot read (ENOENT)');
  });
});
