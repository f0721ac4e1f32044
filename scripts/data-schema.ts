/**
 * npm run data:schema — writes data/schema.json from the zod schema, so that editors (VS Code with
 * the YAML extension, JetBrains) autocomplete and validate program files. A unit test fails when
 * the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { programJsonSchema } from '../lib/json-schema';
import { projectRoot } from './paths';

const out = join(projectRoot, 'data/schema.json');
writeFileSync(out, programJsonSchema());
console.log(`wrote ${out}`);
