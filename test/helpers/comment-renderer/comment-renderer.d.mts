// Types for comment-renderer.mjs (plain ESM so that scripts/render-comment.mjs runs on Node 20).

export declare const DEFAULT_CHROMIUM_PATH: string;
export declare const DEFAULT_COLUMN_WIDTH: number;
export declare const FRAME_PADDING: number;

export interface ChromiumLocation {
  /** CHROMIUM_PATH, else PUPPETEER_EXECUTABLE_PATH, else /usr/bin/chromium, else `chromium` on PATH. */
  path: string;
  found: boolean;
  /** Why it was not found, for a skip or failure message; null when found. */
  reason: string | null;
}

export interface RendererOptions {
  executablePath?: string;
  /** Deadline for Chromium to start; default 30 000 ms. */
  launchTimeoutMs?: number;
  /** Deadline for any one call into the browser (page load, evaluation, screenshot); default 60 000 ms. */
  protocolTimeoutMs?: number;
}

export interface RenderOptions {
  /** Width of the comment column in CSS px; default 780. The viewport is this plus 2 × 16 px padding. */
  width?: number;
  /** Write a full-page PNG here. */
  screenshot?: string;
  /** Whether the screenshot shows the <details> open (default) or as posted (closed). Measurements always open them. */
  detailsInScreenshot?: 'open' | 'closed';
  /** A newline inside a paragraph is a line break, as in GitHub comments; default true. */
  breaks?: boolean;
  /** Deadline for drawing one Mermaid chart; default 15 000 ms. */
  chartTimeoutMs?: number;
}

export interface TableMeasure {
  /** Position among all tables of the comment, in document order, from 0. */
  index: number;
  /** e.g. `table 3 ("Metric", 9 columns)`, for assertion messages. */
  label: string;
  firstHeader: string;
  headers: string[];
  columns: number;
  /** Body rows (all rows when the table has no <tbody>). */
  rows: number;
  /** Width of the table's content in px. */
  scrollWidth: number;
  /** Width of the table's visible box: its content width, at most the space it sits in (the column at top level). */
  clientWidth: number;
  /** The content is wider than the visible box, so the reader scrolls sideways. */
  overflows: boolean;
  /** Summary text of the enclosing <details>, or null when the table is not in one. */
  inDetails: string | null;
}

export interface ChartMeasure {
  /** Position among the comment's ```mermaid blocks, from 0. */
  index: number;
  /** First word of the diagram source, e.g. `xychart-beta`, `pie`, `flowchart`. */
  kind: string;
  ok: boolean;
  /** Mermaid's error message when the chart could not be drawn, else null. */
  error: string | null;
  /** Drawn size of the <svg> in px (Mermaid scales a wide chart down to the column). */
  width: number;
  height: number;
  /** Size Mermaid laid the chart out at (its viewBox). */
  naturalWidth: number;
  naturalHeight: number;
  /** Drawn and no wider than the column. */
  fits: boolean;
  inDetails: string | null;
}

export interface RenderResult {
  width: number;
  viewport: { width: number; height: number };
  tables: TableMeasure[];
  charts: ChartMeasure[];
  detailsCount: number;
  /** Page height in px with the <details> as posted (closed unless marked open). */
  pageHeight: number;
  /** Page height in px with every <details> open. */
  pageHeightOpen: number;
  /** URLs the comment asked for that the page refused (it has no network). */
  blockedRequests: string[];
  /** Uncaught errors in the page (none expected). */
  pageErrors: string[];
  screenshot?: string;
}

export interface Renderer {
  render(markdown: string, options?: RenderOptions): Promise<RenderResult>;
  close(): Promise<void>;
}

export declare function findChromium(env?: Record<string, string | undefined>): ChromiumLocation;
export declare function markdownToHtml(markdown: string, options?: { breaks?: boolean }): string;
export declare function openRenderer(options?: RendererOptions): Promise<Renderer>;
export declare function renderComment(markdown: string, options?: RendererOptions & RenderOptions): Promise<RenderResult>;
