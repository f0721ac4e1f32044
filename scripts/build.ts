/**
 * npm run build — builds the extension for Chrome (MV3) and Firefox (MV2 and MV3), then says
 * where each loadable build is and how to load it.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { outputDir, projectRoot } from './paths';

const wxt = join(projectRoot, 'node_modules/.bin/wxt');
const targets = [
  { args: ['build'], dir: 'chrome-mv3', how: 'Chrome: chrome://extensions → Developer mode → Load unpacked → choose this folder' },
  { args: ['build', '-b', 'firefox'], dir: 'firefox-mv2', how: 'Firefox: about:debugging#/runtime/this-firefox → Load Temporary Add-on → choose manifest.json in this folder' },
  { args: ['build', '-b', 'firefox', '--mv3'], dir: 'firefox-mv3', how: 'Firefox (MV3): as above, with this folder' },
];
for (const t of targets) execFileSync(wxt, t.args, { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'] });
console.log('\nBuilt the extension. Load it unpacked from:');
for (const t of targets) console.log(`  ${join(outputDir, t.dir)}\n      ${t.how}`);
