import { defineConfig } from 'vitest/config';

const alias = { '@domain': `${import.meta.dirname}/src/domain` };
// Tests encrypt personal data under a fixed key rather than creating a key file in ./data; workers inherit it.
process.env.JIAOGUAN_DATA_KEY ??= '6a69616f6775616e2d746573742d6b65792d6e6f742d666f722d70726f647563';

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'], exclude: ['**/*.db.test.ts', '**/node_modules/**'] } },
      {
        resolve: { alias },
        test: {
          name: 'db-pglite',
          include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
          env: { TEST_DB: 'pglite' },
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'db-postgres',
          include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
          env: { TEST_DB: 'postgres' },
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          env: { TEST_DB: 'pglite' },
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
