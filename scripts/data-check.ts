/**
 * npm run data:check — validates every program file and the dataset as a whole.
 * Errors name the file, the field path and the problem; exit code 1 when there is any error.
 */
import { loadPrograms, formatProblem } from '../lib/dataset/load';
import { projectRoot } from './paths';

const root = process.argv[2] ?? projectRoot;
const { files, problems } = loadPrograms(root);
const errors = problems.filter((p) => p.severity === 'error');
const warnings = problems.filter((p) => p.severity === 'warning');
for (const p of [...errors, ...warnings]) (p.severity === 'error' ? console.error : console.warn)(formatProblem(p));
const summary = `${files.length} program file(s) valid, ${errors.length} error(s), ${warnings.length} warning(s)`;
if (errors.length > 0) {
  console.error(`\ndata:check failed: ${summary}`);
  process.exit(1);
}
console.log(`data:check passed: ${summary}`);
