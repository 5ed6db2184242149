import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end suite bundles dist/ once; give it room on a shared 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
