import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure code, colocated *.test.ts, no services) and `integration` (tests/:
// PGlite and a real PostgreSQL server, the built web app in Chromium). `npm test` runs both.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'integration', include: ['tests/**/*.test.ts'], globalSetup: ['tests/setup/global-setup.ts'] },
      },
    ],
  },
});
