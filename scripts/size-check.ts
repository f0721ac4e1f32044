/**
 * The content script's size budget: what every forum page view loads, gzipped. Over budget fails
 * CI. (The card's UI is loaded on the first hover only; it is reported, not budgeted here.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { outputDir } from './paths';

export const CONTENT_SCRIPT_BUDGET = 25 * 1024;

const out = join(outputDir, 'chrome-mv3');
const size = (file: string) => gzipSync(readFileSync(join(out, file)), { level: 9 }).length;
const content = size('content-scripts/content.js');
const cardUi = size('card-ui.js');
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
console.log(`content script: ${kb(content)} gzipped (budget ${kb(CONTENT_SCRIPT_BUDGET)})`);
console.log(`card UI (loaded on first hover): ${kb(cardUi)} gzipped`);
if (content > CONTENT_SCRIPT_BUDGET) {
  console.error(`content script over budget by ${kb(content - CONTENT_SCRIPT_BUDGET)}`);
  process.exit(1);
}
