// Renders a PR comment's Markdown the way a reviewer sees it on GitHub, in headless Chromium, and measures
// it: every table's width against the comment column, every Mermaid chart drawn or failed.
// Plain ESM so that both the tests (through comment-renderer.d.mts) and scripts/render-comment.mjs can use
// it on Node 20, which cannot run TypeScript.
import { accessSync, constants } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Marked } from 'marked';
import puppeteer from 'puppeteer-core';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
export const DEFAULT_COLUMN_WIDTH = 780;
/** GitHub pads the comment body by 16 px on each side; the viewport holds the column and that padding. */
export const FRAME_PADDING = 16;

// A reserved name that never resolves; every request to it is answered from memory (see answer() below).
const ORIGIN = 'http://comment.test';
const PAGE_URL = `${ORIGIN}/`;
const ASSETS = {
  '/comment.css': { file: new URL('./comment.css', import.meta.url), type: 'text/css; charset=utf-8' },
  '/comment-page.js': { file: new URL('./comment-page.js', import.meta.url), type: 'text/javascript; charset=utf-8' },
  '/mermaid.min.js': {
    file: createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
};
// Only our own same-origin scripts run; Mermaid writes inline styles into its SVG. Images are let through the
// policy only so that the request handler sees them, lists them and refuses them.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src * data:; font-src 'self' data:";

const MAX_MARKDOWN_CHARS = 1_000_000;

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where Chromium is: CHROMIUM_PATH, else PUPPETEER_EXECUTABLE_PATH, else /usr/bin/chromium (Debian's package),
 * else `chromium` on PATH, the same test .ci/run uses to decide whether to install it.
 */
export function findChromium(env = process.env) {
  const configured = env.CHROMIUM_PATH || env.PUPPETEER_EXECUTABLE_PATH;
  if (configured) {
    return isExecutable(configured)
      ? { path: configured, found: true, reason: null }
      : { path: configured, found: false, reason: `no Chromium executable at ${configured} (from CHROMIUM_PATH or PUPPETEER_EXECUTABLE_PATH)` };
  }
  const onPath = (env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'chromium'));
  const path = [DEFAULT_CHROMIUM_PATH, ...onPath].find(isExecutable);
  return path
    ? { path, found: true, reason: null }
    : {
        path: DEFAULT_CHROMIUM_PATH,
        found: false,
        reason: `no Chromium at ${DEFAULT_CHROMIUM_PATH} nor on PATH (install Debian's chromium package, as .ci/run does, or set CHROMIUM_PATH)`,
      };
}

/** GFM to HTML as GitHub renders a comment: tables, raw HTML, and a newline inside a paragraph is a line break. */
export function markdownToHtml(markdown, { breaks = true } = {}) {
  if (markdown.length > MAX_MARKDOWN_CHARS) {
    throw new Error(`comment is ${markdown.length} characters; the harness renders at most ${MAX_MARKDOWN_CHARS}`);
  }
  return new Marked({ gfm: true, breaks, async: false }).parse(markdown);
}

// The column width is set per render (a CSS variable), so one page serves every comment.
const SHELL = [
  '<!doctype html>',
  '<html lang="en"><head><meta charset="utf-8"><title>comment</title>',
  '<link rel="stylesheet" href="/comment.css">',
  '<script src="/mermaid.min.js"></script>',
  '<script src="/comment-page.js"></script>',
  '</head><body><main class="comment-frame"><article class="markdown-body" id="comment"></article></main></body></html>',
].join('\n');

function positiveInteger(value, name) {
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${value}`);
  return value;
}

async function loadAssets() {
  const assets = new Map();
  for (const [path, { file, type }] of Object.entries(ASSETS)) {
    assets.set(path, { type, body: await readFile(file instanceof URL ? fileURLToPath(file) : file) });
  }
  return assets;
}

/**
 * Starts one headless Chromium that renders any number of comments, one after the other, in one page whose
 * comment body is replaced each time (loading Mermaid takes seconds, so it is loaded once).
 * Always call close() (in a finally or afterAll).
 */
export async function openRenderer(options = {}) {
  const executablePath = options.executablePath ?? findChromium().path;
  const launchTimeoutMs = options.launchTimeoutMs ?? 30_000;
  const protocolTimeoutMs = options.protocolTimeoutMs ?? 60_000;
  const assets = await loadAssets();

  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    timeout: launchTimeoutMs,
    protocolTimeout: protocolTimeoutMs,
    args: [
      // CI runs as root, where Chromium's sandbox cannot start.
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      // Same glyph widths on every machine with the same fonts.
      '--font-render-hinting=none',
      // Belt and braces behind the request interception: no host name resolves.
      '--host-resolver-rules=MAP * ~NOTFOUND',
    ],
  });

  // What the page reports during the current render.
  let blockedRequests = [];
  let pageErrors = [];
  let page = null;

  function answer(request) {
    const url = request.url();
    if (url === PAGE_URL) {
      return request.respond({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'Content-Security-Policy': CSP },
        body: SHELL,
      });
    }
    const asset = url.startsWith(ORIGIN) ? assets.get(url.slice(ORIGIN.length)) : undefined;
    if (asset) return request.respond({ status: 200, contentType: asset.type, body: asset.body });
    if (url === `${ORIGIN}/favicon.ico`) return request.respond({ status: 404, body: '' });
    if (url.startsWith('data:')) return request.continue();
    // The page has no network: anything else the comment asks for (images, links) is refused and listed.
    blockedRequests.push(url);
    return request.abort('blockedbyclient');
  }

  async function openPage() {
    const fresh = await browser.newPage();
    fresh.setDefaultTimeout(protocolTimeoutMs);
    fresh.on('pageerror', (error) => pageErrors.push(String(error?.message ?? error)));
    await fresh.setRequestInterception(true);
    fresh.on('request', (request) => void answer(request).catch(() => undefined));
    await fresh.setViewport({ width: DEFAULT_COLUMN_WIDTH + 2 * FRAME_PADDING, height: 600, deviceScaleFactor: 1 });
    await fresh.goto(PAGE_URL, { waitUntil: 'load', timeout: protocolTimeoutMs });
    return fresh;
  }

  async function renderOnce(markdown, renderOptions) {
    const width = positiveInteger(renderOptions.width ?? DEFAULT_COLUMN_WIDTH, 'width');
    const chartTimeoutMs = positiveInteger(renderOptions.chartTimeoutMs ?? 15_000, 'chartTimeoutMs');
    const detailsInScreenshot = renderOptions.detailsInScreenshot ?? 'open';
    const html = markdownToHtml(markdown, { breaks: renderOptions.breaks ?? true });
    const viewport = { width: width + 2 * FRAME_PADDING, height: 600 };
    blockedRequests = [];
    pageErrors = [];
    try {
      page ??= await openPage();
      await page.setViewport({ ...viewport, deviceScaleFactor: 1 });
      const measured = await page.evaluate(
        (html, opts) => window.__commentHarness.render(html, opts),
        html,
        { width, chartTimeoutMs, detailsInScreenshot, imageTimeoutMs: 5_000 },
      );
      const result = { width, viewport, ...measured, blockedRequests, pageErrors };
      if (renderOptions.screenshot) {
        await page.screenshot({ path: renderOptions.screenshot, type: 'png', fullPage: true });
        result.screenshot = renderOptions.screenshot;
      }
      return result;
    } catch (error) {
      // A page that failed mid-render is not reused.
      const broken = page;
      page = null;
      await broken?.close().catch(() => undefined);
      throw error;
    }
  }

  // Renders share the page, so they run one at a time.
  let queue = Promise.resolve();
  function render(markdown, renderOptions = {}) {
    const run = queue.then(() => renderOnce(markdown, renderOptions));
    queue = run.catch(() => undefined);
    return run;
  }

  async function close() {
    try {
      await browser.close();
    } catch {
      browser.process()?.kill('SIGKILL');
    }
  }

  return { render, close };
}

/** One comment, one browser: opens Chromium, renders, and always closes it. */
export async function renderComment(markdown, options = {}) {
  const renderer = await openRenderer(options);
  try {
    return await renderer.render(markdown, options);
  } finally {
    await renderer.close();
  }
}
