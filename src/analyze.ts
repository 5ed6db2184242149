import { DEFAULT_IGNORE, DEFAULT_PATTERNS, describeConfig, rootRelative, type Config } from './config.js';
import { isToolAdapter } from './util/tool-adapter.js';
import type { PatternRule } from './config-input.js';
import { discoverFiles, statUnopened, type DiscoveredFile } from './discover/discover.js';
import { lastCommitTimes } from './discover/git-times.js';
import { patternsWithoutFiles } from './discover/pattern-usage.js';
import { structureExperiments } from './experiments/structure.js';
import { buildCheckedSeries, compileMetricRules, hasNameRules, isSelected, RuleUsage, type MetricRules } from './metrics/build.js';
import { idHead } from './metrics/identity.js';
import type { Series } from './model/series.js';
import { formatResolver, formatRulesWithoutFiles } from './parse/adapters/registry.js';
import { LIMITS, limitMessages } from './parse/limits.js';
import { startPrefetch } from './parse/prefetch.js';
import { parseFile, READ_SYNC_BYTES, type FileStat } from './parse/read-file.js';
import { RunCap } from './parse/run-cap.js';
import { skipped, type ParseOutcome } from './parse/types.js';
import { summariseInventory } from './discover/inventory.js';
import { REPORT_SCHEMA_VERSION, type FileEntry, type InputNotice, type Narrative, type Problem, type Report } from './model/report.js';
import { VERSION } from './version.js';
import type { HardwareIdentity } from './model/hardware.js';

export interface AnalyzeDependencies {
  /** Wall clock for the report's date. */
  now: () => Date;
  /** Monotonic milliseconds for stage timings. */
  elapsed: () => number;
  commit?: { sha: string; ref?: string };
  narrative: Narrative;
  /** The machine this run measures on, recorded in the report (and so in its snapshot). */
  hardware?: HardwareIdentity;
}

const PARSE_CONCURRENCY = 8;
/** Below this many files a reading thread costs more to start (about 20 ms) than it saves. */
const PREFETCH_MIN_FILES = 200;

/** fn over items, `limit` at a time, started in the items' order. */
async function mapConcurrent<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function modifiedTimes(config: Config, files: DiscoveredFile[]) {
  const readable = files.filter((f) => !f.skipReason);
  const scope = rootRelative(config);
  const git = await lastCommitTimes(config.workspace, readable.map((f) => f.path), { scope });
  const modified = new Map<string, FileEntry['modified']>();
  const isoTime = lastIsoTime();
  for (const f of readable) {
    const time = git.times.get(f.path);
    if (time) {
      modified.set(f.path, { time: isoTime(time), source: 'git' });
      continue;
    }
    // Not in history: written in this job (or uncommitted), so its mtime is real. Rounded as Node rounds
    // Stats#mtime, so the time is the one an lstat would have shown.
    if (f.mtimeMs !== undefined) modified.set(f.path, { time: isoTime(Math.round(f.mtimeMs)), source: 'filesystem' });
  }
  return { modified, git: { checkout: git.checkout, shallow: git.shallow } };
}

/**
 * `new Date(time).toISOString()`, the last answer remembered: files listed together were mostly
 * committed together (one commit date) or written together (file times are coarser than a
 * millisecond), and making a Date and its text costs more than the rest of a file's entry.
 */
function lastIsoTime(): (time: string | number) => string {
  let last: string | number | undefined;
  let iso = '';
  return (time) => {
    if (time !== last) {
      iso = new Date(time).toISOString();
      last = time;
    }
    return iso;
  };
}

function entryFor(file: DiscoveredFile, outcome: ParseOutcome, series: number, modified: FileEntry['modified']): FileEntry {
  // Nearly every entry: a parsed file with its time, written in one literal in the order below (fields added
  // afterwards take a property store of their own in every entry).
  if (outcome.status === 'parsed' && modified) {
    const { document, rows, excludedRows, problems, problemCount, adapter } = outcome;
    return { path: file.path, type: file.type, size: file.size ?? 0, status: outcome.status, document, series, rows, excludedRows, problems, problemCount, adapter, modified };
  }
  const entry: FileEntry = {
    path: file.path,
    type: file.type,
    size: file.size ?? 0,
    status: outcome.status,
    document: outcome.status === 'parsed' && outcome.document,
    series,
    rows: outcome.status === 'parsed' ? outcome.rows : 0,
    excludedRows: outcome.status === 'parsed' ? outcome.excludedRows : 0,
    problems: outcome.status === 'parsed' ? outcome.problems : outcome.line !== undefined ? [{ line: outcome.line, reason: outcome.reason }] : [],
    problemCount: outcome.status === 'parsed' ? outcome.problemCount : outcome.line !== undefined ? 1 : 0,
  };
  if (outcome.status === 'parsed') entry.adapter = outcome.adapter;
  else entry.reason = outcome.reason;
  if (modified) entry.modified = modified;
  return entry;
}

/**
 * Ids must be unique for baselines to match series. A file can yield two
 * series with the same metric and labels (e.g. repeated tuples in JSON): the
 * later ones get `#2`, `#3`, … in file order, which is stable across runs.
 */
export function disambiguateIds(series: Series[]): void {
  const seen = new Set<string>();
  // How often each repeated id was met; ids met once (nearly all) are only in `seen`.
  const repeats = new Map<string, number>();
  for (const s of series) {
    // One lookup per id: `add` grows the set only for an id not met before.
    const size = seen.size;
    if (seen.add(s.id).size > size) continue;
    const n = (repeats.get(s.id) ?? 1) + 1;
    repeats.set(s.id, n);
    s.id = `${s.id}#${n}`;
  }
}

interface BuiltFile {
  /** The parse outcome, with its raw series let go (`series: []`) once built. */
  outcome: ParseOutcome;
  /** The file's series, built and checked (see buildCheckedSeries). */
  series: Series[];
  /** Series left out after parsing (impossible statistics), as problems of the file. */
  problems: Problem[];
  /** Every metric the file holds, selected or not, for the rule usage notices (none kept when there are no rules to report on). */
  metrics: readonly string[];
}

/** No file indices: what a file that supersedes none replaces. */
const NO_INDICES: readonly number[] = Object.freeze([]);

/** A file's metrics when no rule needs them: shared, as most runs have no metrics, directions or units rules. */
const NO_METRICS: readonly string[] = Object.freeze([]);

/** One file's raw series turned into reported series; the per-file cap holds for tool adapters too. */
function buildFile(file: DiscoveredFile, parsed: ParseOutcome, rules: MetricRules): BuiltFile {
  let outcome = parsed;
  // Tool adapters build their series at once; the per-file cap holds for them too.
  if (outcome.status === 'parsed' && outcome.series.length > LIMITS.seriesPerFile) outcome = { status: 'skipped', reason: limitMessages.seriesPerFile() };
  if (outcome.status !== 'parsed') return { outcome, series: [], problems: [], metrics: NO_METRICS };
  const series: Series[] = [];
  const problems: Problem[] = [];
  // RuleUsage reads the names only to tell which rules matched nothing: without rules, none is kept.
  const metrics: string[] | undefined = hasNameRules(rules) ? [] : undefined;
  const head = idHead(file.path);
  for (const raw of outcome.series) {
    metrics?.push(raw.metric);
    if (!isSelected(rules, file.path, raw.metric)) continue;
    const one = buildCheckedSeries(raw, file.path, rules, head, problems);
    if (one) series.push(one);
  }
  return { outcome: { ...outcome, series: [] }, series, problems, metrics: metrics ?? NO_METRICS };
}

const pastCap = (): BuiltFile => ({ outcome: skipped(limitMessages.seriesPerRunPast()), series: [], problems: [], metrics: NO_METRICS });

/**
 * A file whose series another file replaces (criterion's `estimates.json`
 * next to the `sample.json` holding the same run's samples) is skipped with
 * the reason, so a run is not counted twice.
 */
export function dropSuperseded(files: readonly { path: string }[], outcomes: ParseOutcome[]): void {
  const replacedBy = new Map<string, { by: string; adapter?: string }>();
  files.forEach((f, i) => {
    const outcome = outcomes[i];
    if (outcome?.status !== 'parsed') return;
    for (const p of outcome.supersedesExports ?? []) replacedBy.set(p, { by: f.path, adapter: outcome.adapter });
    for (const p of outcome.supersedes ?? []) replacedBy.set(p, { by: f.path });
  });
  files.forEach((f, i) => {
    const replaced = replacedBy.get(f.path);
    const outcome = outcomes[i];
    if (replaced === undefined || outcome?.status !== 'parsed') return;
    if (replaced.adapter !== undefined && outcome.adapter !== replaced.adapter) return;
    outcomes[i] = { status: 'skipped', reason: `superseded by ${replaced.by}, which holds the same run's results` };
  });
}

/**
 * The files to read ahead (not symlinks, which are stat'ed when listed), in their order: their paths,
 * and for each listed file its place among them (-1 when it is not read ahead). An index by position,
 * not a map keyed by file: one lookup per file, and no identity hash given to every file object.
 */
function readAheadOrder(files: readonly DiscoveredFile[]): { paths: string[]; readIndex: Int32Array } {
  const paths: string[] = [];
  const readIndex = new Int32Array(files.length);
  for (let i = 0; i < files.length; i++) {
    const f = files[i] as DiscoveredFile;
    readIndex[i] = !f.skipReason && f.size === undefined ? paths.push(f.absolutePath) - 1 : -1;
  }
  return { paths, readIndex };
}

/** discover → parse → analyze: everything the report needs except rendering. */
export async function analyze(config: Config, deps: AnalyzeDependencies): Promise<Report> {
  const t0 = deps.elapsed();
  const exclude = config.outputDir ? [config.outputDir] : [];
  const files = await discoverFiles({ ...config, exclude });
  const t1 = deps.elapsed();

  const formatFor = formatResolver(config.formats);
  const rules = compileMetricRules(config);
  // Each file's series are built as soon as it is parsed, so its raw accumulators are garbage at once
  // instead of the whole tree's being held until every file is read.
  // The run's series cap is decided as files are read (src/parse/run-cap.ts): past it, files are not read.
  const cap = new RunCap(LIMITS.seriesPerRun, files.length);
  // Only a tool adapter's file supersedes another (criterion): the paths are indexed the first time one does.
  let indexOf: Map<string, number> | undefined;
  const indexOfPath = (p: string) => (indexOf ??= new Map(files.map((f, i) => [f.path, i]))).get(p);
  // The files that will be read and stat'ed on opening (not symlinks, stat'ed when listed), in the order
  // they are, read ahead on a second thread (src/parse/prefetch.ts).
  const { paths: readAhead, readIndex } = readAheadOrder(files);
  const prefetch = readAhead.length >= PREFETCH_MIN_FILES ? startPrefetch(readAhead, { maxFileBytes: READ_SYNC_BYTES }) : undefined;
  let built: BuiltFile[];
  try {
    built = await mapConcurrent(files, PARSE_CONCURRENCY, async (f, i) => {
      if (cap.isPast(i)) return pastCap();
      // The reader's fstat gives a listed file its size and time (discovery does not stat regular files).
      const onStat = (stat: FileStat) => {
        f.size = stat.size;
        f.mtimeMs = stat.mtimeMs;
      };
      const k = readIndex[i] as number;
      const prefetched = prefetch && k >= 0 ? () => prefetch.take(k) : undefined;
      const outcome = f.skipReason ? ({ status: 'skipped', reason: f.skipReason } as ParseOutcome) : await parseFile(f, config.maxFileSize, { format: formatFor(f.path), onStat, prefetched });
      const one = buildFile(f, outcome, rules);
      // Nearly no file supersedes another: the others share one empty list.
      const supersedes = one.outcome.status === 'parsed' ? one.outcome.supersedes : undefined;
      const replaces = supersedes && supersedes.length > 0 ? supersedes.map(indexOfPath).filter((j) => j !== undefined) : NO_INDICES;
      cap.record(i, one.series.length, replaces);
      return one;
    });
  } finally {
    await prefetch?.stop();
  }
  built.forEach((b, i) => {
    // A file past the cut may have been read while the files before it were (reads overlap): whether it was
    // depends on timing, so it is left out whole, its metrics and what it supersedes too.
    if (cap.isPast(i)) built[i] = pastCap();
    // The cut file is not kept, so it supersedes nothing; it was read, so its metrics still count for the rules.
    else if (i === cap.cut) built[i] = { outcome: skipped(limitMessages.seriesPerRun(b.series.length)), series: [], problems: [], metrics: b.metrics };
  });
  const outcomes = built.map((b) => b.outcome);
  dropSuperseded(files, outcomes);
  // A superseded file's series, built already, go with it.
  outcomes.forEach((outcome, i) => {
    if (outcome !== built[i]?.outcome) built[i] = { outcome, series: [], problems: [], metrics: NO_METRICS };
  });
  // Times come from the files once opened (or stat'ed now); the git lookup counts as discovery, as before.
  const tg = deps.elapsed();
  statUnopened(files);
  const { modified, git } = await modifiedTimes(config, files);
  const t2 = deps.elapsed();
  const discoverMs = t1 - t0 + (t2 - tg);

  const usage = new RuleUsage(config);
  const series: Series[] = [];
  const entries = files.map((file, i) => {
    const b = built[i] as BuiltFile;
    const outcome = b.outcome;
    // Rule usage in path order: the same names are seen whatever order the files were parsed in.
    for (let k = 0; k < b.metrics.length; k++) usage.see(file.path, b.metrics[k] as string);
    let count = 0;
    // Every file left parsed fits under the run's cap (RunCap counted them as they are counted here).
    if (outcome.status === 'parsed') {
      for (const one of b.series) series.push(one);
      count = b.series.length;
    }
    built[i] = undefined as unknown as BuiltFile;
    return withExtraProblems(entryFor(file, outcome, count, modified.get(file.path)), b.problems);
  });
  const te = deps.elapsed();
  const toolOutputs = new Set(entries.filter((e) => e.series > 0 && isToolAdapter(e.adapter)).map((e) => e.path));
  const structured = structureExperiments(series, config.factors, { toolOutputs, root: rootRelative(config) });
  const experimentsMs = deps.elapsed() - te;
  disambiguateIds(structured.series);
  const unread = cap.cut === undefined ? 0 : files.length - cap.cut - 1;
  const notices = await inputNotices(config, files, usage, unread, structured.series.length, structured.unmatchedFactorRules);
  const t3 = deps.elapsed();

  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: 'chimera-insight',
    toolVersion: VERSION,
    generatedAt: deps.now().toISOString(),
    root: rootRelative(config),
    inventory: summariseInventory(entries, git),
    series: structured.series,
    experiments: structured.structure,
    findings: [],
    narrative: deps.narrative,
    timings: { discoverMs, parseMs: tg - t1, analyzeMs: t3 - t2, experimentsMs, renderMs: 0 },
    config: describeConfig(config),
  };
  if (deps.commit) report.commit = deps.commit;
  if (notices.length > 0) report.notices = notices;
  if (deps.hardware) report.hardware = deps.hardware;
  return report;
}

/** Problems found after parsing (a series left out) join the file's list, which keeps its bound of 20. */
function withExtraProblems(entry: FileEntry, problems: Problem[]): FileEntry {
  if (problems.length === 0) return entry;
  const room = Math.max(0, 20 - entry.problems.length);
  return { ...entry, problems: [...entry.problems, ...problems.slice(0, room)], problemCount: entry.problemCount + problems.length };
}

/** Inputs that matched nothing in this run: `patterns` without files, `format`, `metrics`, `directions` and `units` rules without a match. */
async function inputNotices(
  config: Config,
  files: DiscoveredFile[],
  usage: RuleUsage,
  unread: number,
  seriesCount: number,
  unmatchedFactorRules: readonly PatternRule<string>[],
): Promise<InputNotice[]> {
  const notices: InputNotice[] = [];
  const warn = (input: string, message: string) => notices.push({ input, message, level: 'warning' });
  // The defaults look for every supported type; a tree without Markdown is no typo.
  if (config.patterns.join('\n') !== DEFAULT_PATTERNS.join('\n')) {
    for (const pattern of await patternsWithoutFiles(config, files)) warn('patterns', `"${pattern}" finds no file under ${rootRelative(config)}`);
  }
  for (const rule of formatRulesWithoutFiles(config.formats, files.map((f) => f.path))) warn('format', `"${rule.pattern}: ${rule.value}" matches no file`);
  // Files past the run's series cap were left out unread: a rule may be meant for them.
  const unreadNote = unread > 0 ? ` in the files read (${unread.toLocaleString('en-US')} past the run's series cap were not)` : '';
  for (const { input, pattern, suggestion } of usage.unmatched()) {
    warn(input, `"${pattern}" matches no metric${unreadNote}${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}`);
  }
  // Factor rules match the paths as ids spell them, run indices and timestamps normalised (run_<n>).
  for (const rule of unmatchedFactorRules) warn('factors', `"${rule.pattern}: ${rule.value}" matches no file with results${unreadNote}`);
  // An empty report says why, unless a notice above does already: nothing was found, or the metric rules left nothing.
  const said = (input: string) => notices.some((n) => n.input === input);
  if (files.length === 0 && !said('patterns')) {
    const own = config.ignore.length > DEFAULT_IGNORE.length ? `; ignore: ${config.ignore.slice(DEFAULT_IGNORE.length).map((p) => `"${p}"`).join(', ')}` : '';
    warn('path', `no file to read under ${rootRelative(config)} (patterns: ${config.patterns.map((p) => `"${p}"`).join(', ')}${own})`);
  } else if (files.length > 0 && seriesCount === 0 && (config.metrics.include.length > 0 || config.metrics.exclude.length > 0) && !said('metrics')) {
    const example = usage.example();
    if (example !== undefined) warn('metrics', `leaves out every metric the files hold (such as "${example}")`);
  }
  return notices;
}
