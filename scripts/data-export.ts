/**
 * npm run --silent data:export — the whole validated dataset as JSON on stdout: every program
 * as written in its file (after validation and defaults), with its file path. Fails like
 * data:check when a file is invalid.
 */
import { formatProblem, loadPrograms } from '../lib/dataset/load';
import { repositoryUrl } from '../lib/build/dataset-plugin';
import { projectRoot } from './paths';

const { files, problems } = loadPrograms(projectRoot);
const errors = problems.filter((p) => p.severity === 'error');
if (errors.length > 0) {
  for (const e of errors) console.error(formatProblem(e));
  console.error('data:export: the dataset has errors (see above); nothing exported');
  process.exit(1);
}
const programs = files
  .map(({ file, program }) => {
    const { $schema: _schema, ...rest } = program;
    return { ...rest, file };
  })
  .sort((a, b) => a.id.localeCompare(b.id));
process.stdout.write(
  `${JSON.stringify({ repository: repositoryUrl(projectRoot), exported: new Date().toISOString(), count: programs.length, programs }, null, 2)}\n`,
);
