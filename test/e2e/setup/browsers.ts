/** Where the browsers are, and what to say when they are not there. */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export function requireBrowser(path: string, debianPackage: string): void {
  if (!existsSync(path)) {
    throw new Error(
      `Browser tests need ${path}, which is missing. Install the Debian package: ` +
        `sudo apt-get install -y ${debianPackage}  (or set ${debianPackage === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'}).`,
    );
  }
}
