/**
 * A happy-dom document for tests that render the extension's pages, installed by the test file
 * itself in the `node` environment. (The `happy-dom` environment transforms modules for the
 * client, where Vite turns the dataset plugin's watched data folder into an import, which
 * fails; the pages under test need `virtual:dataset`.) Call at the top of a test file.
 */
import { afterAll, beforeAll } from 'vitest';
import { builtinEnvironments } from 'vitest/environments';

export function useHappyDom(url = 'chrome-extension://test-extension-id/options.html'): void {
  let teardown: ((global: typeof globalThis) => unknown) | undefined;
  beforeAll(async () => {
    const env = await builtinEnvironments['happy-dom'].setup(globalThis, { happyDOM: { url } });
    teardown = env.teardown;
  });
  afterAll(async () => {
    await teardown?.(globalThis);
  });
}
