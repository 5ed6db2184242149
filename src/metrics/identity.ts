import { memo } from '../util/memo.js';
import { mayHoldSecret, redactSecrets } from '../util/redact.js';
import { sortNamesInPlace } from '../util/text.js';

/**
 * Series identity that survives re-runs: timestamps in file paths (run
 * folders, dated file names) are replaced by `<ts>` so `runs/20251002-151204/x.csv`
 * and `runs/20251003-090000/x.csv` name the same benchmark, and replicate
 * indices by `<n>` so `run_1/summary.json` … `run_5/summary.json` are one.
 */
const TIMESTAMP_PATTERNS: RegExp[] = [
  /\d{4}-\d{2}-\d{2}[T _-]?\d{2}[:\-_]?\d{2}[:\-_]?\d{2}(?:\.\d+)?Z?/g,
  /\d{8}[T_-]?\d{6}/g,
  /\d{4}-\d{2}-\d{2}/g,
  /(?<!\d)20\d{6}(?!\d)/g,
  /(?<!\d)1\d{9}(?:\d{3})?(?!\d)/g,
];

/**
 * The timestamps of a path in path order, exactly as normaliseTimestamps
 * finds them: each pass marks its matches with a private-use character (no
 * digit, so no later pattern can take it), and the marks are read in order.
 */
export function timestampsIn(filePath: string): string[] {
  const saved = savedRun(filePath);
  if (saved) return [saved[2] as string];
  if (!MAY_HOLD_TIMESTAMP.test(filePath)) return [];
  // No pattern matches across a `/`, and a `/` is no digit for their look-arounds: each folder or
  // file name is read on its own, and a folder's once for all the files in it (see folderOf).
  const cut = filePath.lastIndexOf('/');
  const found = cut < 0 ? [] : folderOf(filePath, cut).timestamps.slice();
  const name = cut < 0 ? filePath : filePath.slice(cut + 1);
  if (MAY_HOLD_TIMESTAMP.test(name)) for (const t of segmentTimestamps(name)) found.push(t);
  return found;
}

/** The timestamps of each folder or file name of a path that may hold one, in path order. */
function timestampsOfSegments(segments: readonly string[]): string[] {
  const found: string[] = [];
  for (const segment of segments) {
    if (!MAY_HOLD_TIMESTAMP.test(segment)) continue;
    for (const t of segmentTimestamps(segment)) found.push(t);
  }
  return found;
}

const segmentTimestamps: (segment: string) => readonly string[] = memo(10_000, timestampsInSegment);

function timestampsInSegment(filePath: string): string[] {
  const found: string[] = [];
  let marked = filePath;
  for (const re of TIMESTAMP_PATTERNS) {
    marked = marked.replace(re, (match) => {
      found.push(match);
      return String.fromCharCode(0xe000 + found.length - 1);
    });
  }
  if (found.length === 0) return [];
  const ordered: string[] = [];
  for (let i = 0; i < marked.length; i++) {
    const code = marked.charCodeAt(i) - 0xe000;
    if (code >= 0 && code < found.length) ordered.push(found[code] as string);
  }
  return ordered;
}

/**
 * Every match of a timestamp pattern holds eight digits in a row or a
 * date's `dddd-dd`: paths without either (most, and names such as
 * `results_7519.csv`) skip the patterns.
 */
const MAY_HOLD_TIMESTAMP = /\d{8}|\d{4}-\d{2}/;

/**
 * pytest-benchmark's storage: `.benchmarks/<machine>/0001_<name>.json`,
 * `0002_<commit>_<date>_uncommitted-changes.json`, … Each file is one saved
 * run, numbered in order: the counter is the run's stamp, and the file is
 * `<ts>.json` in the series id, so the newest run is compared with the one
 * before it as any timestamped run is.
 */
const SAVED_RUN = /^(.*(?:^|\/)\.benchmarks\/[^/]+\/)(\d{4})_[^/]*\.json$/;

/** SAVED_RUN's match, tested only on paths that name the folder (nearly none do). */
const savedRun = (filePath: string) => (filePath.includes('.benchmarks/') ? SAVED_RUN.exec(filePath) : null);

export function normaliseTimestamps(filePath: string): string {
  const saved = savedRun(filePath);
  if (saved) return `${saved[1]}<ts>.json`;
  if (!MAY_HOLD_TIMESTAMP.test(filePath)) return filePath;
  return TIMESTAMP_PATTERNS.reduce((p, re) => p.replace(re, '<ts>'), filePath);
}

/**
 * A run index inside a folder or file name: `run_1`, `run-02`, `rep3`,
 * `trial_4`, `seed_5`, `iter7`, `repeat-2`, `attempt3`. The word must stand
 * at the start of the name or after a separator, so `conv3` or `llama3` are
 * not; the digits must end the token.
 */
const REPLICATE_TOKEN = /(^|[_\-. ])(runs?|reps?|replicates?|repeats?|repetitions?|trials?|seeds?|iters?|iterations?|attempts?|rounds?)([_\-]?)(\d{1,4})(?=$|[_\-. ])/gi;
/**
 * A bare `r1` is a run only as a whole folder or file name (`r1/`, `r2.json`):
 * inside a name it is part of a model's (`deepseek-r1`, `resnet_r50`), and
 * reading it as a run would pool different models and hide them from factors.
 */
const BARE_R = /^(r)(\d{1,4})$/i;
/** A folder holding numbered runs: `runs/1/`, `trials/02/`. */
const REPLICATE_PARENT = /^(runs?|reps?|replicates?|repeats?|repetitions?|trials?|seeds?|iters?|iterations?|attempts?|rounds?)$/i;

export interface ReplicatePath {
  /** The path with every run index written `<n>`. */
  normalised: string;
  /** The indices found, in path order (folders first); empty when the path has none. */
  indices: number[];
  /** The same indices as the path writes them (`02`), for naming the runs. */
  written: string[];
}

/** Finds the run indices of a path and replaces them by `<n>` (the result is shared: do not change it). */
export function replicatePath(filePath: string): Readonly<ReplicatePath> {
  return runPath(filePath).replicates;
}

/** One folder or file name (without its extension) with its run indices replaced by `<n>`. */
function segmentReplicates(stem: string, ext: string): ReplicatePath {
  // BARE_R's `r` first: a test of one character instead of a match for nearly every name.
  const first = stem.charCodeAt(0);
  const bare = first === 0x72 || first === 0x52 ? BARE_R.exec(stem) : null;
  if (bare) return { normalised: `${bare[1]}<n>${ext}`, indices: [Number(bare[2])], written: [bare[2] as string] };
  // As stem.replace(REPLICATE_TOKEN, …) with each match's digits written `<n>`, without a call per match:
  // this runs for every file name.
  REPLICATE_TOKEN.lastIndex = 0;
  let match = REPLICATE_TOKEN.exec(stem);
  if (match === null) return { normalised: ext === '' ? stem : stem + ext, indices: [], written: [] };
  const indices: number[] = [];
  const written: string[] = [];
  let normalised = '';
  let from = 0;
  do {
    // The match is its separator, word and joiner, then the digits (the look-ahead takes no character).
    const digits = match[4] as string;
    const end = match.index + match[0].length;
    normalised += `${stem.slice(from, end - digits.length)}<n>`;
    indices.push(Number(digits));
    written.push(digits);
    from = end;
    match = REPLICATE_TOKEN.exec(stem);
  } while (match !== null);
  return { normalised: normalised + stem.slice(from) + ext, indices, written };
}

/** A folder name's run indices: run folders are shared by every file in them, so each name is read once. */
const folderReplicates = memo(50_000, (segment: string) => segmentReplicates(segment, ''));

function findReplicates(filePath: string): ReplicatePath {
  const cut = filePath.lastIndexOf('/');
  const folder = folderOf(filePath, cut);
  const file = cut < 0 ? filePath : filePath.slice(cut + 1);
  const dot = file.lastIndexOf('.');
  const name = dot > 0 ? segmentReplicates(file.slice(0, dot), file.slice(dot)) : segmentReplicates(file, '');
  if (folder.indices.length === 0 && name.indices.length === 0) return { normalised: filePath, indices: name.indices, written: name.written };
  // Folders first: the indices are listed in path order.
  return { normalised: folder.replicates + name.normalised, indices: folder.indices.concat(name.indices), written: folder.written.concat(name.written) };
}

/** The folders of a path (all but its file name), worked out once for all the files in them. */
interface FolderRuns {
  /** The folders with their run indices written `<n>`, each followed by its `/`. */
  replicates: string;
  /** The folders' run indices in path order, as numbers and as written. */
  indices: readonly number[];
  written: readonly string[];
  /** `replicates` with the timestamps normalised too: normaliseRunPath's folders. */
  normalised: string;
  /** The timestamps of the folders' names as written, in path order: timestampsIn's. */
  timestamps: readonly string[];
}

const NO_FOLDER: FolderRuns = Object.freeze({ replicates: '', indices: [], written: [], normalised: '', timestamps: [] });

/**
 * The folders of `filePath`, the text before its last `/` (at `cut`). The files of a folder come
 * one after another (as listed, as their series are), so the last folder is kept apart: it is
 * recognised by comparing the path's start, without cutting out the folder's text to look it up.
 */
function folderOf(filePath: string, cut: number): FolderRuns {
  if (cut < 0) return NO_FOLDER;
  if (cut === lastFolder.path.length && filePath.startsWith(lastFolder.path)) return lastFolder.runs;
  const path = filePath.slice(0, cut);
  lastFolder = { path, runs: folderRuns(path) };
  return lastFolder.runs;
}

/** The folder folderOf found last (a pure function of its path, so nothing of a run leaks into the next). */
let lastFolder: { path: string; runs: FolderRuns } = { path: '', runs: NO_FOLDER };

const folderRuns = memo(50_000, (folders: string): FolderRuns => {
  const indices: number[] = [];
  const written: string[] = [];
  let replicates = '';
  let normalised = '';
  const segments = folders.split('/');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    let out: string;
    if (i > 0 && /^\d{1,4}$/.test(segment) && REPLICATE_PARENT.test(segments[i - 1] as string)) {
      indices.push(Number(segment));
      written.push(segment);
      out = '<n>';
    } else {
      const found = folderReplicates(segment);
      for (const n of found.indices) indices.push(n);
      for (const w of found.written) written.push(w);
      out = found.normalised;
    }
    replicates += `${out}/`;
    normalised += `${folderTimestamps(out)}/`;
  }
  return { replicates, indices, written, normalised, timestamps: timestampsOfSegments(segments) };
});

/** A folder name with its timestamps normalised, read once per name. */
const folderTimestamps = memo(50_000, normaliseTimestamps);

/**
 * Timestamps and run indices normalised: the part of a path that names the
 * benchmark. The same as normaliseTimestamps of the whole run-normalised
 * path: no timestamp pattern matches a `/`, and a `/` is no digit for their
 * look-arounds, so the folders' part is worked out once (folderOf) and the
 * file name's on its own.
 */
export function normaliseRunPath(filePath: string): string {
  return runPath(filePath).normalised;
}

/** A path's replicatePath and normaliseRunPath. */
interface RunPath {
  replicates: ReplicatePath;
  normalised: string;
}

/**
 * replicatePath and normaliseRunPath of a path, remembered together: both are asked of every file
 * (its series' ids, then the experiments' and findings' grouping), and paths are unique, so each
 * path is looked up once where two remembered answers would cost two misses.
 */
const runPath = memo(50_000, (filePath: string): RunPath => {
  const replicates = findReplicates(filePath);
  if (savedRun(filePath)) return { replicates, normalised: normaliseTimestamps(filePath) };
  const cut = filePath.lastIndexOf('/');
  if (cut < 0) return { replicates, normalised: normaliseTimestamps(replicates.normalised) };
  // No run index holds a `/`: the file name is what follows the last one in either spelling.
  const name = replicates.normalised.slice(replicates.normalised.lastIndexOf('/') + 1);
  return { replicates, normalised: folderOf(filePath, cut).normalised + normaliseTimestamps(name) };
});

export function labelKey(labels: Record<string, string>): string {
  const keys = Object.keys(labels);
  if (keys.length === 0) return '';
  if (keys.length === 1) return `{${keys[0]}=${labels[keys[0] as string]}}`;
  // In place: the keys are this call's own list.
  sortNamesInPlace(keys);
  // Joined as it goes: no mapped list and no closure per call (this runs for every labels object of every file).
  let key = `{${keys[0]}=${labels[keys[0] as string]}`;
  for (let i = 1; i < keys.length; i++) key += `,${keys[i]}=${labels[keys[i] as string]}`;
  return `${key}}`;
}

/**
 * labelKey of the labels a file's series carry, remembered for the last
 * object seen: the series of one table row group or JSON object share one
 * labels object, built before any of them. Only for labels that are no
 * longer changed (a parser's finished series), within one file.
 */
export class LabelKeys {
  private last: Record<string, string> | undefined;
  private lastKey = '';
  private lastHint = false;

  /** labelKey(labels). */
  keyOf(labels: Record<string, string>): string {
    if (labels !== this.last) this.see(labels);
    return this.lastKey;
  }

  /** Whether a key or value of `labels` holds a hint of a secret (mayHoldSecret of its key: no pattern spans `{`, `=` or `,`). */
  mayHoldSecret(labels: Record<string, string>): boolean {
    if (labels !== this.last) this.see(labels);
    return this.lastHint;
  }

  private see(labels: Record<string, string>): void {
    this.last = labels;
    this.lastKey = labelKey(labels);
    this.lastHint = this.lastKey !== '' && mayHoldSecret(this.lastKey);
  }
}

/** The part of a series id that comes from its file, worked out once for all the file's series. */
export interface IdHead {
  /** `head::`, the start of every id of the file's series. */
  prefix: string;
  /** Whether the path holds a hint of a secret (then the whole id is redacted). */
  secret: boolean;
  /** The file's series' label keys. */
  labels: LabelKeys;
}

/**
 * BenchmarkDotNet writes one run's results as several exports named after the class
 * (`<Type>-report.csv`, `-report-github.md`, `-report-brief.json`, …), and which ones a project
 * keeps is its config's choice. The same case is the same benchmark whichever was read, so
 * the exports' ids name the CSV's file: a baseline kept as JSON compares with a run kept as CSV.
 * Only BDN's own suffixes are renamed; a `-report.csv` is already the name (so ids of the CSV,
 * BDN's default, and of any other tool's `-report.csv` stay as they were).
 */
const BDN_EXPORT = /-report-(?:(?:full|brief)(?:-compressed)?\.json|(?:github|default|stackoverflow|atlassian)\.md)$/;

function exportNeutral(path: string): string {
  // Tested on paths that hold `-report-` only (nearly none do).
  return path.includes('-report-') ? path.replace(BDN_EXPORT, '-report.csv') : path;
}

export function idHead(file: string): IdHead {
  const head = exportNeutral(normaliseRunPath(file));
  // Once per file, and paths are unique: a remembered answer would cost more than the test.
  return { prefix: `${head}::`, secret: mayHoldSecret(head), labels: new LabelKeys() };
}

/**
 * Secrets in a path, metric or label are redacted here, at the source, so
 * the id is the same in memory, in snapshot.json and in a baseline read back
 * from it (see src/util/redact.ts).
 */
export function seriesId(file: string, metric: string, labels: Record<string, string>): string {
  return seriesIdUnder(idHead(file), metric, labels);
}

/**
 * seriesId with the file's part already worked out (`idHead`). `metricHint`: mayHoldSecret(metric),
 * when the caller has it (buildSeries redacts the metric by it too).
 */
export function seriesIdUnder(file: IdHead, metric: string, labels: Record<string, string>, metricHint = mayHoldSecretName(metric)): string {
  // Joined into one flat string, not concatenated: an id is hashed whole (disambiguateIds, the baseline's
  // lookups) and written out, and a concatenation is a tree of its parts that must be copied out first.
  const id = [file.prefix, metric, file.labels.keyOf(labels)].join('');
  // No secret pattern holds a `:`, `{`, `=` or `,`, so none spans the `::` or the metric and its labels: when
  // no part holds a hint of one, the id is its own redaction.
  if (!file.secret && !metricHint && !file.labels.mayHoldSecret(labels)) return id;
  return redactSecrets(id);
}

/** Metric names repeat across thousands of files: each is checked once. */
const mayHoldSecretName: (metric: string) => boolean = memo(50_000, mayHoldSecret);
