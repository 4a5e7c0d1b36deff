// Browser tests of the front ends: `npx vitest run --config tests/e2e/vitest.config.ts`.
// Each file starts its own tadaima server (SQLite) and Chromium; files run one by one.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const repo_root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export default defineConfig({
  root: repo_root,
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global_setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    pool: 'forks',
    // A busy machine (CI runs everything on two cores) may take seconds where a quiet one
    // takes milliseconds; a poll fails only when the awaited state never comes.
    expect: { poll: { timeout: 15_000, interval: 50 } },
  },
});
