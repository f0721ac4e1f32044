/**
 * Vite plugin: `import dataset from 'virtual:dataset'` gives the compiled dataset. The YAML files
 * are validated here, so a broken data file fails the build with the same messages as
 * `npm run data:check`; the page receives plain JSON (no zod, no YAML parser).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { compileDataset } from '../dataset/compile';
import { formatProblem, loadPrograms, PROGRAMS_DIR } from '../dataset/load';
import type { CompiledDataset } from '../dataset/types';

/** Everything: for the background, the popup and the extension pages. */
const DATASET = 'virtual:dataset';
/** Only the compiled matcher: for the content script, which asks the background for card data. */
const MATCHER = 'virtual:matcher';

export function repositoryUrl(root: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    repository?: string | { url?: string };
  };
  const raw = typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository?.url ?? '');
  return raw.replace(/^git\+/, '').replace(/\.git$/, '');
}

export function buildDataset(root: string, now = Date.now()): CompiledDataset {
  const { files, problems } = loadPrograms(root, now);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`The program data has errors (run npm run data:check):\n${errors.map(formatProblem).join('\n')}`);
  }
  return compileDataset(files, repositoryUrl(root));
}

export function datasetPlugin(root: string): Plugin {
  return {
    name: 'program-dataset',
    resolveId(id) {
      return id === DATASET || id === MATCHER ? `\0${id}` : undefined;
    },
    load(id) {
      if (id !== `\0${DATASET}` && id !== `\0${MATCHER}`) return undefined;
      this.addWatchFile(join(root, PROGRAMS_DIR));
      const dataset = buildDataset(root);
      const value = id === `\0${DATASET}` ? dataset : dataset.matcher;
      // JSON.parse of a string literal starts faster than an object literal of the same size.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;
    },
  };
}
