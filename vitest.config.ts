import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { datasetPlugin } from './lib/build/dataset-plugin';

const root = import.meta.dirname;

export default defineConfig({
  plugins: [preact(), datasetPlugin(root)],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/setup/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // Browser tests share two cores with the browser itself: one file at a time.
          maxWorkers: 1,
        },
      },
    ],
  },
});
