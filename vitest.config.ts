import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end files share one bundle (test/helpers/run-action.ts); building it takes minutes on a busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
