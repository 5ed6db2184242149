import { pathTimestamps } from '../baseline/sources/history.js';
import { normaliseRunPath } from '../metrics/identity.js';
import { normaliseName } from '../metrics/infer.js';
import { memo } from '../util/memo.js';
import { sortedNames } from '../util/text.js';
import { LLM_SERIES_PREFIX, type Direction, type Series } from '../model/series.js';

/** One series in a family, with the conditions that tell it apart from the others. */
export interface Cell {
  series: Series;
  /** Every condition: the file's labels, path factors, a factor from the metric's path. */
  dims: Record<string, string>;
}

/**
 * Series of one metric, from one file or one experiment (files that differ
 * only in factor folders and run indices), that differ only in conditions:
 * the material of rankings and sweeps.
 */
export interface Family {
  /** The metric as the family's findings name it (for `backends.*.tps`, `tps`). */
  metric: string;
  unit: string;
  direction: Direction;
  /** The file or experiment path, and the conditions every cell shares. */
  scope: { path: string; labels: Record<string, string> };
  /** Conditions that vary between cells, in the order they first appear. */
  dims: string[];
  /**
   * Path factors that only number repeats of another condition
   * (`serving_summary_301.json`, `serving_summary_313.json`, each file one
   * model's run): not compared, so several cells may share a configuration.
   */
  repeats?: string[];
  /**
   * Conditions that split the cells exactly as one in `dims` does, by that
   * one's name (`gpu` → [`driver`]): not compared on their own (the split is
   * the same), but named with it, since they changed too.
   */
  aliases?: Record<string, string[]>;
  cells: Cell[];
}

/**
 * Whether each value of `finer` comes with one value of `coarser` in the
 * cells: then `finer` only tells repeats of `coarser`'s levels apart (or is
 * another name for them).
 */
export function determines(cells: readonly Cell[], finer: string, coarser: string): boolean {
  if (cells.length > 16) return determinesBy(cells, (c) => c.dims[finer] as string, coarser);
  // A few cells (most families) are compared with each other: no map and no closure per call.
  for (let i = 1; i < cells.length; i++) {
    const cell = cells[i] as Cell;
    const level = cell.dims[finer];
    for (let j = 0; j < i; j++) {
      const earlier = cells[j] as Cell;
      // The first cell at the same level of `finer` sets the level of `coarser` that comes with it.
      if (earlier.dims[finer] !== level) continue;
      if (earlier.dims[coarser] !== cell.dims[coarser]) return false;
      break;
    }
  }
  return true;
}

/**
 * The last word of a factor named like numbered result files
 * (`results_3.json`, `serving_summary_301.json`, `bench-2.csv`); a first
 * word of a setting (`max_output_4096.json`, `num_results_8.json`) says it is
 * one.
 */
const RESULT_WORD = /^(results?|summary|summaries|outputs?|out|logs?|reports?|bench|benchmarks?|data|metrics|stats|measurements?|records?|dumps?|exports?|traces?)$/;
const SETTING_WORD = /^(max|min|num|n|total|len|size|batch|top)$/;
/** Settings written as a word and then their value (`tp_2`, `bs_8`, `c_16`): such a number is the setting's. */
const SETTING_BEFORE_NUMBER = /^(tp|pp|dp|ep|cp|bs|batch|c|conc|concurrency|qps|rps|rate|gpus?|nodes?|threads?|workers?|isl|osl|ctx|seqlen|len|size|n|np|ngl|replicas?|shards?)$/;

/** The words of a value or name, lower case: `gemma3:1b` → gemma3, 1b. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/**
 * Whether the values of one condition are another's written differently:
 * each value of one is a whole word of the other's (`1b` of `gemma3:1b`,
 * `270m` of `gemma3_270m_baseline.csv`) and holds a letter, so that numbers
 * (`tp=1` beside `batch=16`) are never taken for each other.
 */
function renames(cells: readonly Cell[], a: string, b: string): boolean {
  const within = (short: string, long: string) => {
    const part = words(short);
    return /\p{L}/u.test(short) && part.length > 0 && containsWords(words(long), part);
  };
  return cells.every((c) => {
    const x = c.dims[a] as string;
    const y = c.dims[b] as string;
    return x.length <= y.length ? within(x, y) : within(y, x);
  });
}

/** Whether `value`'s words appear in `name` (`8` and `llama-3-8b` in `llama-3-8b-openai-chat-concurrency8`), digits after letters split off. */
function spelledIn(value: string, name: string): boolean {
  const split = (t: string) => words(t).flatMap((w) => w.split(/(?<=\p{L})(?=\d)/u));
  const part = split(value);
  return part.length > 0 && containsWords(split(name), part);
}

/** Whether `part` appears in `whole` as consecutive whole words. */
function containsWords(whole: readonly string[], part: readonly string[]): boolean {
  for (let i = 0; i + part.length <= whole.length; i++) if (part.every((w, k) => whole[i + k] === w)) return true;
  return false;
}

/**
 * The conditions a family does not compare:
 * - file numbers: a path factor from the file's own name, named like result
 *   files, whose levels are integers (`serving_summary_301.json`): a number
 *   naming a file, not a setting. Compared as a condition it would be
 *   ranked as if it were one, and a condition each file holds one level of
 *   (`model`) would look as if it made no difference. When other files
 *   share a configuration, the numbers are `repeats` of it; otherwise they
 *   only name each configuration's file. A label that changes with the
 *   files (a commit, a date) stays a condition: it may be the change.
 * - a path factor that names each configuration of two or more other
 *   conditions (`llama-3-8b-concurrency8/`): they say it already.
 * - another name for a split a kept condition makes, taken out one at a
 *   time: without a trace when its values are the kept one's written
 *   differently (`1b`, `gemma3:1b`), else listed in `aliases` under the kept
 *   one, so the sentence says it changed too. A file's own label is kept
 *   before a path factor, otherwise the first.
 */
/** Whether every cell's `d` was read from its path (a factor), not stated by its file. */
function isPathFactor(cells: readonly Cell[], d: string): boolean {
  for (let i = 0; i < cells.length; i++) {
    const factors = (cells[i] as Cell).series.factors;
    if (factors === undefined || !Object.prototype.hasOwnProperty.call(factors, d)) return false;
  }
  return true;
}

function uncompared(cells: readonly Cell[], dims: readonly string[]): { dropped: string[]; repeats: string[]; aliases: Record<string, string[]> } {
  const fromPath = (d: string) => isPathFactor(cells, d);
  const kept = [...dims];
  const dropped: string[] = [];
  const repeats: string[] = [];
  const drop = (d: string) => {
    dropped.push(d);
    kept.splice(kept.indexOf(d), 1);
  };
  const numbers = kept.filter((d) => fromPath(d) && numbersFiles(cells, d));
  if (numbers.length > 0) {
    for (const d of numbers) drop(d);
    const configurations = new Set(cells.map((c) => kept.map((k) => c.dims[k]).join('\u0000')));
    if (configurations.size < cells.length) repeats.push(...numbers);
  }
  // A folder or file name per configuration that spells it out (`llama-3-8b-concurrency8/` beside model
  // llama-3-8b and concurrency 8) says what the other conditions already say: it is left out, so the crossed
  // conditions it names are compared. A name that does not spell them out stays, and may be confounded.
  for (const d of [...kept]) {
    // A file's own label (most conditions) spells nothing out: no list is made for it.
    if (!fromPath(d)) continue;
    const rest = kept.filter((k) => k !== d);
    if (rest.length < 2) continue;
    const combination = (c: Cell) => rest.map((k) => c.dims[k]).join('\u0000');
    const spells = cells.every((c) => rest.every((k) => spelledIn(c.dims[k] as string, c.dims[d] as string)));
    if (spells && determinesBy(cells, (c) => c.dims[d] as string, combination) && determinesBy(cells, combination, d)) drop(d);
  }
  const aliasOf = new Map<string, string>();
  for (;;) {
    let alias: [string, string] | undefined;
    for (let i = 0; i < kept.length && alias === undefined; i++) {
      for (let j = i + 1; j < kept.length; j++) {
        const a = kept[i] as string;
        const b = kept[j] as string;
        if (!determines(cells, a, b) || !determines(cells, b, a)) continue;
        alias = fromPath(a) && !fromPath(b) ? [a, b] : [b, a];
        break;
      }
    }
    if (alias === undefined) break;
    const [gone, stays] = alias;
    drop(gone);
    if (!renames(cells, gone, stays)) aliasOf.set(gone, stays);
  }
  // An alias of an alias is named under the condition that stays.
  const aliases: Record<string, string[]> = {};
  for (const [gone, stays] of aliasOf) {
    let root = stays;
    while (aliasOf.has(root)) root = aliasOf.get(root) as string;
    (aliases[root] ??= []).push(gone);
  }
  return { dropped, repeats, aliases };
}

/**
 * Whether `d` numbers the files themselves, with integer levels found in the
 * file's own name: named like result files (`serving_summary_301.json`), or a
 * file stem that already names its configuration (`serving_llama8B_tp1_1.json`,
 * `_2.json`: several words, a digit among them) counted on from 0 or 1.
 */
function numbersFiles(cells: readonly Cell[], d: string): boolean {
  const name = words(normaliseName(d));
  if (name.length === 0 || SETTING_WORD.test(name[0] as string)) return false;
  const values = [...new Set(cells.map((c) => Number(c.dims[d])))];
  // …unless the word before the number is a setting's (`serving_llama8B_tp_1.json`, `_tp_2`: tensor parallel 1 and 2).
  const counted = name.length >= 2 && /\d/.test(name.join('')) && !SETTING_BEFORE_NUMBER.test(name[name.length - 1] as string) && isCount(values);
  if (!RESULT_WORD.test(name[name.length - 1] as string) && !counted) return false;
  // Levels such as 128, 512, 2048 are sizes, not run numbers.
  if (values.length >= 3 && values.every((v) => v > 0 && (v & (v - 1)) === 0) && Math.max(...values) >= 8) return false;
  return cells.every((c) => {
    const level = c.dims[d] as string;
    if (!/^\d{1,9}$/.test(level)) return false;
    const base = c.series.file.slice(c.series.file.lastIndexOf('/') + 1);
    const stem = words(base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base);
    // The name as the folder or file wrote it too: normalising splits `llama8B` into `llama8_b`.
    return containsWords(stem, [...name, level]) || containsWords(stem, [...words(d), level]);
  });
}

/** uncompared() for a family that varies in one condition: dropped when it numbers the files (their repeats). */
function onlyCondition(cells: readonly Cell[], d: string): { dropped: string[]; repeats: string[]; aliases: Record<string, string[]> } {
  return isPathFactor(cells, d) && numbersFiles(cells, d) ? { dropped: [d], repeats: [d], aliases: {} } : ALL_COMPARED;
}

/** Nothing left out (most families): one answer shared by all of them, never changed (settleFamily only reads it). */
const ALL_COMPARED: { dropped: string[]; repeats: string[]; aliases: Record<string, string[]> } = { dropped: [], repeats: [], aliases: {} };

/** 1, 2, …, k or 0, 1, …, k−1 (k ≥ 2): files counted, not a setting's values. */
function isCount(values: readonly number[]): boolean {
  if (values.length < 2 || !values.every(Number.isInteger)) return false;
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[0] === 0 || sorted[0] === 1) && sorted.every((v, i) => v === (sorted[0] as number) + i);
}

/** determines() for keys computed from the cells. */
export function determinesBy(cells: readonly Cell[], finer: (c: Cell) => string, coarser: string | ((c: Cell) => string)): boolean {
  const seen = new Map<string, string>();
  for (const c of cells) {
    const key = finer(c);
    const value = typeof coarser === 'string' ? (c.dims[coarser] as string) : coarser(c);
    const known = seen.get(key);
    if (known === undefined) seen.set(key, value);
    else if (known !== value) return false;
  }
  return true;
}

/**
 * Conditions that name different benchmarks rather than settings of one:
 * ranking `BM_Sort` against `BM_Hash` would compare unrelated things, so such
 * labels split families instead of being ranked.
 */
const IDENTITY_LABEL = /^(name|benchmark|bench|benchmark_?name|test|test_?name|case|scenario|task|command|cmd|full_?name|function|func|op|operation|kernel|query|workload|suite|group|metric|title)$/;
/** Statistic words in a metric path are parts of a summary, not levels of a condition. */
const STAT_SEGMENT = /^(mean|avg|average|median|std|stddev|stdev|sd|min|max|minimum|maximum|count|n|p\d+(_\d+)?|q\d|percentiles?|quantiles?|total|sum)$/;

/**
 * The series that describe the tree as it is now: older timestamped runs are
 * history (the baseline reads them), so only each benchmark's newest run
 * counts, and the model's own tokens/s is not a benchmark of the repository.
 */
export function currentSeries(series: readonly Series[]): Series[] {
  // A file's series arrive together: one pass finds where each file's run of them starts and weighs the
  // file once, so the second decides per file and only reads the ids of series it keeps. Each pass is its
  // own function, optimised on its own.
  return seriesOfCurrentFiles(series, fileRuns(series));
}

/** Where each file's run of series starts, the file's timestamps, and each benchmark's newest file. */
interface FileRuns {
  starts: number[];
  stamps: (RunStamps | null)[];
  newest: Map<string, { file: string; stamps: string }>;
}

function fileRuns(series: readonly Series[]): FileRuns {
  const runs: FileRuns = { starts: [], stamps: [], newest: new Map() };
  let previousFile: string | undefined;
  for (let i = 0; i < series.length; i++) {
    const file = (series[i] as Series).file;
    if (file === previousFile) continue;
    previousFile = file;
    const run = runStamps(file);
    runs.starts.push(i);
    runs.stamps.push(run);
    if (!run) continue;
    const seen = runs.newest.get(run.key);
    if (!seen || run.stamps > seen.stamps || (run.stamps === seen.stamps && file > seen.file)) runs.newest.set(run.key, { file, stamps: run.stamps });
  }
  return runs;
}

/** The series of files without timestamps or the newest of their benchmark, the model's own left out. */
function seriesOfCurrentFiles(series: readonly Series[], runs: FileRuns): Series[] {
  const out: Series[] = [];
  const { starts, stamps, newest } = runs;
  for (let r = 0; r < starts.length; r++) {
    const start = starts[r] as number;
    const run = stamps[r] as RunStamps | null;
    if (run !== null && newest.get(run.key)?.file !== (series[start] as Series).file) continue;
    const end = r + 1 < starts.length ? (starts[r + 1] as number) : series.length;
    for (let i = start; i < end; i++) {
      const s = series[i] as Series;
      if (!s.id.startsWith(LLM_SERIES_PREFIX)) out.push(s);
    }
  }
  return out;
}

/** A timestamped file's benchmark (its run path) and its timestamps as one string that sorts oldest first. */
interface RunStamps {
  key: string;
  stamps: string;
}

/** A file's benchmark and timestamps; null when its path holds none. */
function runStamps(file: string): RunStamps | null {
  const stamps = pathTimestamps(file);
  if (stamps.length === 0) return null;
  let sortable = '';
  for (let i = 0; i < stamps.length; i++) sortable += (i > 0 ? '/' : '') + sortableStamp(stamps[i] as string);
  return { key: normaliseRunPath(file), stamps: sortable };
}

/** A timestamp's digits, padded so that strings compare as the instants do; the files of one run folder share it. */
const sortableStamp = memo(10_000, (stamp) => stamp.replace(/\D/g, '').padStart(20, '0'));

/** Whether a condition's name names a benchmark (`name`, `benchmark`, …); names repeat, so each is judged once. */
const isIdentityLabel = memo(10_000, (key) => IDENTITY_LABEL.test(normaliseName(key)));

/** What a label's name says for mlperfModelLabels: a LoadGen scenario, the model a row ran, or neither (one lookup per key). */
const labelRole = memo(10_000, (key): 'scenario' | 'model' | undefined => {
  const name = normaliseName(key);
  if (name === 'scenario') return 'scenario';
  return /^(model|model_name|mlperf_model)$/.test(name) ? 'model' : undefined;
});
/** The scenarios MLPerf LoadGen runs a benchmark in. */
const LOADGEN_SCENARIO = /^(offline|server|single_?stream|multi_?stream|interactive)$/i;
/**
 * MLPerf's benchmarks (inference and training), each named by its model,
 * lower case with `_` and `.` as `-`: an accuracy target (`-99`, `-99.9`),
 * `-interactive`, `-edge` or `-lora` may follow.
 */
const MLPERF_BENCHMARK =
  /^(resnet-?50|resnet|mobilenet|ssd-mobilenet|ssd-resnet-?34|ssd|retinanet|bert|bert-large|gpt-?j|gpt-?3|llama-?2-70b|llama-?3-?1-(8b|405b)|llama31-(8b|405b)|mixtral-8x7b|3d-unet|unet-?3d|dlrm|dlrm-v2|dlrm-dcnv2|rnn-?t|stable-diffusion|stable-diffusion-xl|sdxl|rgat|pointpainting|deepseek-r1|whisper|mask-?rcnn|minigo)(-lora)?(-interactive|-edge)?(-99(-9)?)?$/;
/** An MLPerf accuracy target on a benchmark's name: `bert-99`, `llama2-70b-99.9`. */
const ACCURACY_TARGET = /-99(\.9)?$/;

/**
 * The labels of a scope that name MLPerf benchmarks rather than a setting:
 * MLPerf calls each benchmark by its model (resnet50, bert-99,
 * llama2-70b-99), so in its results tables the model is the workload, and
 * ranking resnet50's 41,000 samples/s against llama2-70b's 34 compares
 * unrelated things. Conservative, since a model is a setting of one workload
 * everywhere else (llama3-8b against qwen2.5-7b on one serving benchmark):
 * every value of the label is an MLPerf benchmark's name, two or more
 * differ, and the table says it is MLPerf's (a LoadGen scenario, an MLPerf
 * model column, an accuracy target such as bert-99, or `mlperf` in its path).
 */
function mlperfModelLabels(scopePath: string, list: readonly Series[]): ReadonlySet<string> | undefined {
  let keys: Set<string> | undefined;
  let first: string | undefined;
  let several = false;
  let mlperf = /mlperf/i.test(scopePath);
  let labels: Record<string, string> | undefined;
  for (let i = 0; i < list.length; i++) {
    // The series of one row share their labels object: it is read once (reading it again changes nothing).
    if ((list[i] as Series).labels === labels) continue;
    labels = (list[i] as Series).labels;
    for (const key in labels) {
      const role = labelRole(key);
      // Most labels are neither: their values are not read.
      if (role === undefined) continue;
      const value = labels[key] as string;
      if (role === 'scenario') {
        if (LOADGEN_SCENARIO.test(value.trim())) mlperf = true;
        continue;
      }
      const name = value.trim().toLowerCase().replace(/[_.\s]+/g, '-');
      // One model that is no MLPerf benchmark makes the column a setting, as everywhere else.
      if (!MLPERF_BENCHMARK.test(name)) return undefined;
      if (ACCURACY_TARGET.test(value.trim()) || normaliseName(key) === 'mlperf_model') mlperf = true;
      (keys ??= new Set()).add(key);
      if (first === undefined) first = name;
      else if (name !== first) several = true;
    }
  }
  return keys && several && mlperf ? keys : undefined;
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

type PathFactors = ReadonlyMap<string, { template: string; name: string; level: string; display: string }>;

const NO_PATH_FACTORS: PathFactors = new Map();

/**
 * metricPathFactors of a scope's series. The answer depends only on the set
 * of metric names, and files of one schema repeat it across a tree: each set
 * is worked out once.
 */
function scopePathFactors(list: readonly Series[]): PathFactors {
  // Indexed loops, as every loop over all series here: run once, they are not optimised at first, and for…of
  // then makes an iterator result per series.
  let dotted = false;
  for (let i = 0; i < list.length && !dotted; i++) dotted = (list[i] as Series).metric.includes('.');
  if (!dotted) return NO_PATH_FACTORS;
  const metrics = new Set<string>();
  for (let i = 0; i < list.length; i++) metrics.add((list[i] as Series).metric);
  const sorted = sortedNames(metrics);
  // Each name prefixed with its length: no two sets share a key, whatever characters the names hold.
  let key = '';
  for (const m of sorted) key += `${m.length}:${m}`;
  let known = pathFactorsBySet.get(key);
  if (!known) {
    known = metricPathFactors(sorted);
    if (pathFactorsBySet.size >= 1_000) pathFactorsBySet.clear();
    pathFactorsBySet.set(key, known);
  }
  return known;
}

const pathFactorsBySet = new Map<string, PathFactors>();

/**
 * A condition written into the metric's own path: `backends.eager.tps` and
 * `backends.compiled.tps` in one file are `tps` for backend=eager and
 * backend=compiled. Only inner segments count (the last one is the metric),
 * and statistic words never do. `metrics` are distinct (scopePathFactors' set).
 */
function metricPathFactors(metrics: readonly string[]): PathFactors {
  const out = new Map<string, { template: string; name: string; level: string; display: string }>();
  const split = metrics.map((m) => ({ metric: m, parts: m.split('.') }));
  const depth = Math.max(0, ...split.map((s) => s.parts.length));
  for (let j = 0; j < depth - 1; j++) {
    const groups = new Map<string, typeof split>();
    for (const s of split) {
      if (out.has(s.metric) || j >= s.parts.length - 1) continue;
      const segment = s.parts[j] as string;
      if (STAT_SEGMENT.test(normaliseName(segment))) continue;
      const template = s.parts.map((p, i) => (i === j ? '*' : p)).join('.');
      const list = groups.get(template) ?? [];
      list.push(s);
      groups.set(template, list);
    }
    for (const [template, list] of groups) {
      if (list.length < 2) continue;
      const parent = list[0]?.parts[j - 1];
      const name = parent ? singular(normaliseName(parent)) : 'group';
      const display = (list[0]?.parts.slice(j + 1) ?? []).join('.');
      for (const s of list) out.set(s.metric, { template, name, level: s.parts[j] as string, display });
    }
  }
  return out;
}

/** What tells a family of one metric in a scope from the others. */
interface FamilyKey {
  unit: string;
  direction: Direction;
  identityKey: string;
  /** The condition names, sorted, joined by U+0001. */
  names: string;
  family: Family;
  /** The key of the metric's next family in the scope, in the order they were made. */
  next: FamilyKey | undefined;
}

/**
 * A metric's families in one scope: a short chain of keys to scan, or by key once there are many (one per
 * benchmark name). A chain, not a list: most metrics have one family in a scope, and a list's first push
 * reserves room for seventeen.
 */
interface FamilyIndex {
  first: FamilyKey | undefined;
  last: FamilyKey | undefined;
  size: number;
  byKey: Map<string, Family> | undefined;
}

const SCANNED_FAMILIES = 16;

function compositeKey(unit: string, direction: string, identityKey: string, names: string): string {
  return `${unit}\u0000${direction}\u0000${identityKey}\u0000${names}`;
}

function addFamilyKey(index: FamilyIndex, key: FamilyKey, composite: string | undefined): void {
  if (index.byKey) {
    index.byKey.set(composite ?? compositeKey(key.unit, key.direction, key.identityKey, key.names), key.family);
    return;
  }
  if (index.last) index.last.next = key;
  else index.first = key;
  index.last = key;
  index.size++;
  if (index.size >= SCANNED_FAMILIES) {
    const byKey = new Map<string, Family>();
    for (let k = index.first; k !== undefined; k = k.next) byKey.set(compositeKey(k.unit, k.direction, k.identityKey, k.names), k.family);
    index.byKey = byKey;
    index.first = undefined;
    index.last = undefined;
  }
}

/** A series' conditions: settings (`dims`) and the labels naming its benchmark, which split families (`identity`). */
interface Conditions {
  dims: Record<string, string>;
  /** The names in `dims`, as a shared path. */
  names: NamePath;
  /** Made only when a series has such a label (most have none). */
  identity: Record<string, string> | undefined;
  /** The identity labels as a key fragment. */
  identityKey: string;
}

function addCondition(c: Conditions, key: string, value: string, numbered = false, workload?: ReadonlySet<string>): void {
  // A path factor whose level is a number (`bench_3.json`) numbers files, whatever its name: it names no benchmark.
  if (!(numbered && /^\d{1,9}$/.test(value)) && (isIdentityLabel(key) || workload?.has(key))) {
    (c.identity ??= {})[key] = value;
    c.identityKey += `${key}=${value}\u0002`;
  } else {
    // `__proto__` is no own key of the object (Object.keys leaves it out), so it names no condition.
    if (key !== '__proto__' && !Object.prototype.hasOwnProperty.call(c.dims, key)) c.names = nextName(c.names, key);
    c.dims[key] = value;
  }
}

/**
 * The condition names a series has, as a path of names in the order they
 * were added: series of one file add the same names in the same order, so
 * each path's sorted, joined form is written once and is the same string
 * for every series on it (cheap to compare).
 */
interface NamePath {
  next: Map<string, NamePath> | undefined;
  keys: string[];
  /** The names sorted and joined by U+0001, as `Object.keys(dims).sort().join('\u0001')` writes them. */
  joined: string | undefined;
}

let namePaths: NamePath = { next: undefined, keys: [], joined: '' };
let namePathCount = 0;

function nextName(path: NamePath, key: string): NamePath {
  let next = path.next?.get(key);
  if (!next) {
    if (namePathCount >= 10_000) {
      // Bounded however many distinct names a run meets: paths made before still work, they are no longer shared.
      namePaths = { next: undefined, keys: [], joined: '' };
      namePathCount = 0;
    }
    next = { next: undefined, keys: [...path.keys, key], joined: undefined };
    (path.next ??= new Map()).set(key, next);
    namePathCount++;
  }
  return next;
}

function joinedNames(path: NamePath): string {
  return (path.joined ??= [...path.keys].sort().join('\u0001'));
}

function addConditions(c: Conditions, source: Record<string, string> | undefined, fromPath = false, workload?: ReadonlySet<string>): void {
  if (source) for (const key in source) addCondition(c, key, source[key] as string, fromPath, workload);
}

/**
 * Groups the current series into families. A family's cells share metric,
 * unit, direction, file or experiment, and the names of their conditions;
 * the conditions whose values differ are its dimensions. `current`: the
 * series currentSeries() keeps, when the caller has them already.
 */
export function buildFamilies(series: readonly Series[], current: readonly Series[] = currentSeries(series)): Family[] {
  // A function per pass, per scope and per family: each is optimised on its own, small and soon, on a tree of thousands.
  const families: Family[] = [];
  const { paths, lists } = seriesByScope(current);
  let previousList: readonly Series[] | undefined;
  let previousFromPath = NO_PATH_FACTORS;
  // Indexed loops: run once, they are not optimised at first, and for…of then makes an iterator result per step.
  for (let i = 0; i < paths.length; i++) {
    const list = lists[i] as Series[];
    // Files of one schema follow each other: a scope with the previous one's metrics, in its order, has its path factors.
    const fromPath = previousList && sameMetrics(previousList, list) ? previousFromPath : scopePathFactors(list);
    previousList = list;
    previousFromPath = fromPath;
    addScopeFamilies(paths[i] as string, list, fromPath, families);
  }
  const out: Family[] = [];
  for (let i = 0; i < families.length; i++) if (settleFamily(families[i] as Family)) out.push(families[i] as Family);
  return out;
}

/** Files and experiments in the order their first series come, and the series of each. */
interface Scopes {
  paths: string[];
  lists: Series[][];
}

/** The series of each file or experiment. */
function seriesByScope(current: readonly Series[]): Scopes {
  const byScope = new Map<string, Series[]>();
  const scopes: Scopes = { paths: [], lists: [] };
  let scope: string | undefined;
  let list: Series[] = [];
  let lastFile: string | undefined;
  let lastPath = '';
  for (let i = 0; i < current.length; i++) {
    const s = current[i] as Series;
    if (s.file !== lastFile) {
      lastFile = s.file;
      lastPath = normaliseRunPath(s.file);
    }
    const next = s.experiment ?? lastPath;
    // Series of one file or experiment mostly arrive together: one map lookup for the run of them.
    if (next !== scope) {
      scope = next;
      let known = byScope.get(scope);
      if (!known) {
        known = [];
        byScope.set(scope, known);
        scopes.paths.push(scope);
        scopes.lists.push(known);
      }
      list = known;
    }
    list.push(s);
  }
  return scopes;
}

/** Whether two lists hold series of the same metrics in the same order. */
function sameMetrics(a: readonly Series[], b: readonly Series[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if ((a[i] as Series).metric !== (b[i] as Series).metric) return false;
  return true;
}

/** Groups one scope's series into families (see buildFamilies), added to `families` in the order they first appear; `fromPath`: its scopePathFactors. */
function addScopeFamilies(scopePath: string, list: readonly Series[], fromPath: PathFactors, families: Family[]): void {
  const workload = mlperfModelLabels(scopePath, list);
  // Keyed within one scope (families of different scopes never share one), by metric first.
  const inScope = new Map<string, FamilyIndex>();
  // The series of one row or object share their labels (and factors) object: their conditions are split once,
  // and their cells share the dims object (never changed once made).
  let labels: Record<string, string> | undefined;
  let factors: Record<string, string> | undefined;
  let shared: Conditions | undefined;
  for (let i = 0; i < list.length; i++) {
    const s = list[i] as Series;
    if (shared === undefined || s.labels !== labels || s.factors !== factors) {
      labels = s.labels;
      factors = s.factors;
      shared = conditionsOf(s, workload);
    }
    let c = shared;
    const mp = fromPath.get(s.metric);
    let metric = s.metric;
    // `in` on a plain object, as a condition of that name would be found (`identity` may not exist yet).
    if (mp && !(mp.name in c.dims) && !(c.identity && mp.name in c.identity)) {
      // A condition of this metric alone: its own conditions, the shared ones left as they are.
      c = conditionsOf(s, workload, true);
      addCondition(c, mp.name, mp.level);
      metric = mp.template;
    }
    const names = joinedNames(c.names);
    // The strings compared are the series' own: no key is built per series (this runs once per series of the tree).
    let same = inScope.get(metric);
    if (!same) inScope.set(metric, (same = { first: undefined, last: undefined, size: 0, byKey: undefined }));
    let family: Family | undefined;
    const composite = same.byKey ? compositeKey(s.unit, s.direction, c.identityKey, names) : undefined;
    if (composite !== undefined) family = same.byKey?.get(composite);
    else {
      for (let k = same.first; k !== undefined; k = k.next) {
        if (k.unit === s.unit && k.direction === s.direction && k.identityKey === c.identityKey && k.names === names) {
          family = k.family;
          break;
        }
      }
    }
    if (!family) {
      // The scope's labels are the family's own (settleFamily adds to them): a copy of identity labels other series share.
      family = { metric: mp && metric === mp.template ? mp.display || s.metric : s.metric, unit: s.unit, direction: s.direction, scope: { path: scopePath, labels: copyLabels(c.identity) }, dims: [], cells: [] };
      addFamilyKey(same, { unit: s.unit, direction: s.direction, identityKey: c.identityKey, names, family, next: undefined }, composite);
      families.push(family);
    }
    family.cells.push({ series: s, dims: c.dims });
  }
}

/**
 * A series' conditions from its labels and path factors (without a factor
 * from its metric's path). Labels that are all settings, without path
 * factors (most series), are the conditions as they are: `dims` is then the
 * labels object itself, never changed, unless `own` asks for a copy to add to.
 */
function conditionsOf(s: Series, workload: ReadonlySet<string> | undefined, own = false): Conditions {
  if (!own && s.factors === undefined && onlySettings(s.labels, workload)) return { dims: s.labels, names: namesOf(s.labels), identity: undefined, identityKey: '' };
  // Conditions and identity labels split in one pass.
  const c: Conditions = { dims: {}, names: namePaths, identity: undefined, identityKey: '' };
  addConditions(c, s.labels, false, workload);
  addConditions(c, s.factors, true);
  return c;
}

/**
 * Whether addConditions would copy every label into `dims` as it is: a plain
 * object (so `in` finds what it finds in `{}`) whose keys name no benchmark
 * and none is `__proto__` (no own key of a copy).
 */
function onlySettings(labels: Record<string, string>, workload: ReadonlySet<string> | undefined): boolean {
  if (Object.getPrototypeOf(labels) !== Object.prototype) return false;
  for (const key in labels) {
    if (key === '__proto__' || !Object.prototype.hasOwnProperty.call(labels, key) || isIdentityLabel(key) || workload?.has(key)) return false;
  }
  return true;
}

/** The name path of the labels' keys in their order (as addConditions walks it). */
function namesOf(labels: Record<string, string>): NamePath {
  let names = namePaths;
  for (const key in labels) names = nextName(names, key);
  return names;
}

/** A new object with the labels' keys in their order ({} for none). */
function copyLabels(labels: Record<string, string> | undefined): Record<string, string> {
  const copy: Record<string, string> = {};
  if (labels) for (const key in labels) copy[key] = labels[key] as string;
  return copy;
}

/**
 * A family's dimensions (the conditions that vary and are compared), its
 * shared conditions moved to its scope, repeated records dropped; false when
 * nothing is left to compare.
 */
function settleFamily(family: Family): boolean {
  if (family.cells.length < 2) return false;
  const first = family.cells[0] as Cell;
  const keys = Object.keys(first.dims);
  const varying = varyingConditions(family.cells, keys);
  if (varying.length === 0) return false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (!varying.includes(k)) family.scope.labels[k] = first.dims[k] as string;
  }
  family.cells = distinctCells(family.cells, varying);
  // One condition has nothing to be another's name for: only a file number can be left out of it.
  const { dropped, repeats, aliases } = varying.length > 1 ? uncompared(family.cells, varying) : onlyCondition(family.cells, varying[0] as string);
  family.dims = dropped.length > 0 ? varying.filter((d) => !dropped.includes(d)) : varying;
  // Files that differ only in their number (`…_tp1_1.json`, `…_tp1_2.json`) are repeats of one configuration:
  // nothing is left to compare.
  if (family.dims.length === 0) return false;
  if (repeats.length > 0) family.repeats = repeats;
  if (hasKeys(aliases)) family.aliases = aliases;
  return true;
}

/** Whether an object has an own key (Object.keys(o).length > 0, without the list). */
function hasKeys(o: object): boolean {
  for (const key in o) if (Object.prototype.hasOwnProperty.call(o, key)) return true;
  return false;
}

/** The conditions whose values differ between the cells, in the order of `keys` (the first cell's). */
function varyingConditions(cells: readonly Cell[], keys: readonly string[]): string[] {
  const first = cells[0] as Cell;
  const varying: string[] = [];
  // Indexed loops, not closures or for…of: this runs for every family of the tree, mostly before it is optimised.
  for (let j = 0; j < keys.length; j++) {
    const k = keys[j] as string;
    const value = first.dims[k];
    for (let i = 1; i < cells.length; i++) {
      if ((cells[i] as Cell).dims[k] !== value) {
        varying.push(k);
        break;
      }
    }
  }
  return varying;
}

/** Two series with the same conditions (a repeated record) are one cell: the first is kept. */
function distinctCells(cells: Cell[], varying: readonly string[]): Cell[] {
  // One condition's values are their own keys: no U+0000 to guard against.
  if (cells.length <= 16 && (varying.length === 1 || !holdsNul(cells, varying))) return distinctConfigurations(cells, varying);
  const only = varying.length === 1 ? (varying[0] as string) : undefined;
  const seen = new Set<string | undefined>();
  const kept: Cell[] = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i] as Cell;
    const id = only !== undefined ? c.dims[only] : varying.map((k) => c.dims[k]).join('\u0000');
    if (seen.has(id)) continue;
    seen.add(id);
    kept.push(c);
  }
  return kept;
}

/** Whether a value of the conditions holds U+0000 (which joins them in distinctCells' keys) or is missing: then the keys decide. */
function holdsNul(cells: readonly Cell[], varying: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const dims = (cells[i] as Cell).dims;
    for (let j = 0; j < varying.length; j++) if (dims[varying[j] as string]?.includes('\u0000') ?? true) return true;
  }
  return false;
}

/**
 * distinctCells of a few cells, compared with each other on every varying
 * condition: no key joined per cell, and no new list when none repeats (most
 * families). Without U+0000 in a value, equal keys are equal values.
 */
function distinctConfigurations(cells: Cell[], varying: readonly string[]): Cell[] {
  let kept: Cell[] | undefined;
  for (let i = 1; i < cells.length; i++) {
    const dims = (cells[i] as Cell).dims;
    let repeated = false;
    for (let j = 0; j < i && !repeated; j++) repeated = sameValues((cells[j] as Cell).dims, dims, varying);
    if (repeated) kept ??= cells.slice(0, i);
    else if (kept) kept.push(cells[i] as Cell);
  }
  return kept ?? cells;
}

/** Whether two cells' conditions have the same values for every name in `keys`. */
function sameValues(a: Record<string, string>, b: Record<string, string>, keys: readonly string[]): boolean {
  for (let k = 0; k < keys.length; k++) if (a[keys[k] as string] !== b[keys[k] as string]) return false;
  return true;
}
