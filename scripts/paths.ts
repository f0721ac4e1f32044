import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the working directory. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where `wxt build` writes (OUTPUT_DIR, default .output), as an absolute path. */
export const outputDir = resolve(projectRoot, process.env.OUTPUT_DIR ?? '.output');
