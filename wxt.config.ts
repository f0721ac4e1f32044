import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { datasetPlugin } from './lib/build/dataset-plugin';
import { EXTRA_SITE_MATCH, FORUM_MATCHES } from './lib/sites';

const root = import.meta.dirname;

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  // OUTPUT_DIR lets parallel runs (tests, benchmarks) build without overwriting each other.
  outDir: process.env.OUTPUT_DIR ?? '.output',
  manifest: ({ browser, manifestVersion }) => ({
    name: 'AI Safety Programs Lens',
    description:
      'Hover over MATS, PIBBSS, AI Safety Camp and other AI-safety programs on LessWrong, the EA Forum and the Alignment Forum to see what they are and whether applications are open.',
    // storage: settings. scripting + the forum hosts: inject the card's UI on first hover (the
    // content script stays small). Firefox MV3 also needs the hosts for content scripts to run.
    // alarms: the daily check of followed programs' deadlines (no install warning).
    permissions: ['storage', 'scripting', 'alarms', ...(manifestVersion === 2 ? FORUM_MATCHES : [])],
    host_permissions: manifestVersion === 3 ? FORUM_MATCHES : undefined,
    // Asked for at the moment of use, never at install: notifications when the reader first
    // follows a program; one https host each time the reader adds a site in the options.
    optional_permissions: manifestVersion === 2 ? ['notifications', EXTRA_SITE_MATCH] : ['notifications'],
    optional_host_permissions: manifestVersion === 3 ? [EXTRA_SITE_MATCH] : undefined,
    // No web-accessible resources: nothing a page could probe to learn the extension is there
    // (the card's "Compare programs" asks the background to open the page).
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Go to the next program mention and open its card',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'ai-safety-programs-lens@programs-lens.org',
              // 140: the first Firefox that knows data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact(), datasetPlugin(root)],
  }),
});
