// The measuring instrument on its own: the comment renderer shows known Markdown in headless Chromium the way
// GitHub does and must report what a reviewer would see (tables that scroll sideways, charts drawn or broken).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithChromium, openRenderer, type Renderer } from '../helpers/render-comment.js';
import { useTempDir } from '../helpers/tmp.js';

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

const SHORT_TABLE = table(['Metric', 'Mean', 'Unit'], [['tokens_s', '63.66', 'tok/s'], ['latency_ms', '15.83', 'ms']]);

const WIDE_HEADERS = ['Metric', 'Labels', 'File', 'n', 'Mean', 'sd', 'CV', 'Min', 'Max', 'p50', 'p95', 'p99', 'Unit', 'Notes'];
const WIDE_TABLE = table(WIDE_HEADERS, [
  WIDE_HEADERS.map((h, i) => `\`examples/benchmarks/runs/20251016-101122/${h.toLowerCase()}_${i}.csv\``),
]);

const BAR_CHART = [
  '```mermaid',
  'xychart-beta',
  '  title "Gated metrics: current as % of baseline"',
  '  x-axis ["tokens_s eager 8", "tokens_s eager 1", "tokens_s compiled 1", "tokens_s compiled 8"]',
  '  y-axis "% of baseline" 93 --> 102',
  '  bar [97.7, 97.9, 98.9, 99.1]',
  '```',
].join('\n');

describeWithChromium('comment renderer (headless Chromium)', () => {
  let renderer: Renderer;
  const tmp = useTempDir('chimera-render-');

  beforeAll(async () => {
    renderer = await openRenderer();
  });

  afterAll(async () => {
    await renderer?.close();
  });

  it('finds that a 3-column table of short cells fits the 780 px column', async () => {
    const result = await renderer.render(`## Metrics\n\n${SHORT_TABLE}\n`);

    expect(result.width).toBe(780);
    expect(result.tables).toHaveLength(1);
    const [measured] = result.tables;
    expect(measured).toMatchObject({
      index: 0,
      firstHeader: 'Metric',
      headers: ['Metric', 'Mean', 'Unit'],
      columns: 3,
      rows: 2,
      overflows: false,
      inDetails: null,
    });
    expect(measured!.scrollWidth).toBe(measured!.clientWidth);
    expect(measured!.scrollWidth).toBeLessThan(780);
  });

  it('finds that a 14-column table of long code spans overflows, and names it', async () => {
    const result = await renderer.render(`${SHORT_TABLE}\n\nAll metrics:\n\n${WIDE_TABLE}\n`);

    expect(result.tables.map((t) => t.overflows)).toEqual([false, true]);
    const wide = result.tables[1]!;
    expect(wide).toMatchObject({ index: 1, firstHeader: 'Metric', columns: 14, headers: WIDE_HEADERS, clientWidth: 780 });
    expect(wide.label).toBe('table 2 ("Metric", 14 columns)');
    expect(wide.scrollWidth).toBeGreaterThan(780);
  });

  it('measures a table inside a closed <details> with the details opened', async () => {
    const markdown = `<details><summary>All metrics (14)</summary>\n\n${WIDE_TABLE}\n\n</details>\n`;

    const result = await renderer.render(markdown);

    expect(result.detailsCount).toBe(1);
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0]).toMatchObject({ columns: 14, overflows: true, clientWidth: 780, inDetails: 'All metrics (14)' });
    expect(result.tables[0]!.scrollWidth).toBeGreaterThan(780);
  });

  it('reports the page height as posted, with <details> closed, and with them open', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`metric_${i}`, '1.00', 'ms']);
    const markdown = `Verdict\n\n<details><summary>Rows</summary>\n\n${table(['Metric', 'Mean', 'Unit'], rows)}\n\n</details>\n`;

    const result = await renderer.render(markdown);

    // The table (a header and 30 rows of about 34 px) shows only when the details are opened.
    expect(result.pageHeightOpen - result.pageHeight).toBeGreaterThan(30 * 30);
  });

  it('draws a Mermaid xychart-beta bar chart within the column', async () => {
    const result = await renderer.render(`${BAR_CHART}\n`);

    expect(result.charts).toHaveLength(1);
    const [chart] = result.charts;
    expect(chart).toMatchObject({ index: 0, kind: 'xychart-beta', ok: true, error: null, fits: true });
    expect(chart!.width).toBeGreaterThan(0);
    expect(chart!.width).toBeLessThanOrEqual(780);
    expect(chart!.height).toBeGreaterThan(0);
  });

  it('draws a Mermaid pie chart', async () => {
    const result = await renderer.render(
      ['```mermaid', 'pie title Series by tool', '  "vLLM" : 12', '  "llama-bench" : 7', '  "Ollama" : 5', '```', ''].join('\n'),
    );

    expect(result.charts).toHaveLength(1);
    expect(result.charts[0]).toMatchObject({ kind: 'pie', ok: true, error: null, fits: true });
    expect(result.charts[0]!.height).toBeGreaterThan(0);
  });

  it('draws a Mermaid flowchart', async () => {
    const result = await renderer.render(['```mermaid', 'flowchart LR', '  discover --> parse --> report', '```', ''].join('\n'));

    expect(result.charts).toHaveLength(1);
    expect(result.charts[0]).toMatchObject({ kind: 'flowchart', ok: true, error: null, fits: true });
    expect(result.charts[0]!.width).toBeGreaterThan(0);
  });

  it('reports an invalid Mermaid block as failed with Mermaid\'s error, and still draws the valid one', async () => {
    const broken = ['```mermaid', 'xychart-beta', '  bar [1, 2', '```'].join('\n');

    const result = await renderer.render(`${broken}\n\n${BAR_CHART}\n`);

    expect(result.charts.map((c) => [c.kind, c.ok])).toEqual([
      ['xychart-beta', false],
      ['xychart-beta', true],
    ]);
    const failed = result.charts[0]!;
    expect(failed.error).toMatch(/^Parse error on line \d+:/);
    expect(failed).toMatchObject({ width: 0, height: 0, fits: false });
    expect(result.pageErrors).toEqual([]);
  });

  it('writes a full-page PNG screenshot as wide as the viewport', async () => {
    const file = path.join(tmp.dir, 'comment.png');

    const result = await renderer.render(`${SHORT_TABLE}\n\n${BAR_CHART}\n`, { screenshot: file, width: 600 });

    expect(result.screenshot).toBe(file);
    expect(result.viewport.width).toBe(600 + 2 * 16);
    const png = readFileSync(file);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR is the first chunk: width and height are its first two big-endian 32-bit fields.
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(632);
    // A full-page shot is as tall as the page, and never shorter than the viewport.
    expect(png.readUInt32BE(20)).toBe(Math.max(result.pageHeightOpen, result.viewport.height));
  });

  it('does not run raw <script> or event handlers from the Markdown', async () => {
    const inject = "document.getElementById('comment').insertAdjacentHTML('beforeend', '<table><tr><th>injected</th></tr></table>')";
    const markdown = [
      'Before',
      '',
      `<script>${inject}</script>`,
      '',
      `<img src="missing.png" onerror="${inject.replaceAll("'", '&#39;')}">`,
      '',
    ].join('\n');

    const result = await renderer.render(markdown);

    expect(result.tables).toEqual([]);
    expect(result.pageErrors).toEqual([]);
  });

  it('refuses every request the comment makes and lists it', async () => {
    const result = await renderer.render('Badge: ![build](https://img.example/badge.svg)\n');

    expect(result.blockedRequests).toEqual(['https://img.example/badge.svg']);
  });
});
