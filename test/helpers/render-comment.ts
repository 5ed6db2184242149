// The test-side entry to the comment renderer (test/helpers/comment-renderer/): a headless Chromium that shows
// a comment's Markdown the way GitHub does and measures its tables and charts.
import { describe, it } from 'vitest';
import { findChromium } from './comment-renderer/comment-renderer.mjs';

export * from './comment-renderer/comment-renderer.mjs';

/**
 * A describe block that needs Chromium. Without it the block fails in CI (.ci/run installs Chromium, so its
 * absence there is a broken install, not a reason to pass) and is skipped, with the reason printed, elsewhere.
 */
export function describeWithChromium(name: string, body: () => void): void {
  const chromium = findChromium();
  if (chromium.found) {
    describe(name, body);
  } else if (process.env.CI) {
    describe(name, () => {
      it('finds Chromium to render the comment with', () => {
        throw new Error(`${chromium.reason}; CI is expected to have installed it (.ci/run)`);
      });
    });
  } else {
    console.warn(`Skipping "${name}": ${chromium.reason}`);
    describe.skip(name, body);
  }
}
