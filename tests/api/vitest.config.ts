// Black-box API tests: each file starts its own `build/tadaima serve` on a free port.
// The backend is chosen by TADAIMA_TEST_DB (sqlite | postgres); see tests/support/server.ts.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.test.ts'],
    // Several server processes need PostgreSQL: the cluster tests run in the PostgreSQL stage only.
    exclude: ['**/node_modules/**', ...(process.env.TADAIMA_TEST_DB === 'postgres' ? [] : ['**/notify_cluster.test.ts'])],
    pool: 'forks',
    // A busy machine (CI runs everything on two cores) may take seconds where a quiet one
    // takes milliseconds; a poll fails only when the awaited state never comes.
    expect: { poll: { timeout: 15_000, interval: 50 } },
    maxWorkers: Math.max(1, Math.min(4, availableParallelism())),
    testTimeout: 30_000,
    hookTimeout: 90_000,
    allowOnly: false,
    passWithNoTests: false,
  },
});
