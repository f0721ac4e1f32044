/**
 * Before the browser tests: check that the browsers are installed (naming the Debian package when
 * not), then build the extension once, exactly as `npm run build` does.
 */
import { execFileSync } from 'node:child_process';
import { CHROMIUM_PATH, FIREFOX_PATH, requireBrowser } from './browsers';
import { projectRoot } from '../../../scripts/paths';

export default function setup(): void {
  requireBrowser(CHROMIUM_PATH, 'chromium');
  requireBrowser(FIREFOX_PATH, 'firefox-esr');
  const wxt = `${projectRoot}/node_modules/.bin/wxt`;
  for (const args of [['build'], ['build', '-b', 'firefox'], ['build', '-b', 'firefox', '--mv3']]) {
    execFileSync(wxt, args, { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}
