#!/usr/bin/env node
// Shows a PR comment the way a reviewer sees it on GitHub: renders the Markdown in headless Chromium,
// writes a full-page PNG and prints the measurements (tables against the column width, Mermaid charts) as JSON.
//
//   npm run render:comment -- <in.md> <out.png> [--width 780] [--closed]
//
// --closed shoots the <details> as posted (closed); by default they are open, as measured.
import { stat, readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  DEFAULT_COLUMN_WIDTH,
  findChromium,
  renderComment,
} from '../test/helpers/comment-renderer/comment-renderer.mjs';

const MAX_INPUT_BYTES = 1_000_000;
const USAGE = 'usage: node scripts/render-comment.mjs <in.md> <out.png> [--width 780] [--closed]';

function fail(message, code) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { width: { type: 'string', default: String(DEFAULT_COLUMN_WIDTH) }, closed: { type: 'boolean', default: false } },
  });
} catch (error) {
  fail(`${error.message}\n${USAGE}`, 2);
}
const [input, output] = parsed.positionals;
if (!input || !output || parsed.positionals.length > 2) fail(USAGE, 2);
const width = Number(parsed.values.width);
if (!Number.isInteger(width) || width < 100 || width > 4000) fail(`--width must be a whole number of px from 100 to 4000`, 2);

const chromium = findChromium();
if (!chromium.found) fail(chromium.reason, 1);

const size = (await stat(input)).size;
if (size > MAX_INPUT_BYTES) fail(`${input} is ${size} bytes; at most ${MAX_INPUT_BYTES} are rendered`, 1);
const markdown = await readFile(input, 'utf8');

const result = await renderComment(markdown, {
  width,
  screenshot: output,
  detailsInScreenshot: parsed.values.closed ? 'closed' : 'open',
});
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);

const overflowing = result.tables.filter((t) => t.overflows);
const drawn = result.charts.filter((c) => c.ok);
process.stderr.write(
  `${overflowing.length} of ${result.tables.length} tables overflow the ${width} px column` +
    `${overflowing.length ? `: ${overflowing.map((t) => `${t.label} is ${t.scrollWidth} px`).join('; ')}` : ''}\n` +
    `${drawn.length} of ${result.charts.length} Mermaid charts drawn` +
    `${result.charts.filter((c) => !c.ok).map((c) => `; chart ${c.index + 1} failed: ${c.error.split('\n')[0]}`).join('')}\n` +
    `screenshot: ${output}\n`,
);
