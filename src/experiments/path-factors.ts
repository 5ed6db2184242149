import type { PatternRule } from '../config-input.js';
import { normaliseRunPath } from '../metrics/identity.js';
import { memo } from '../util/memo.js';
import { sortedNames } from '../util/text.js';
import type { Series } from '../model/series.js';

/** A factor recovered from sibling folder or file names, as the report lists it. */
export interface PathFactor {
  name: string;
  levels: string[];
  /** The path with the factor's segment as `*`, e.g. `experiments/*‍/batch-1/run_<n>/summary.json`. */
  where: string;
  source: 'path' | 'input';
}

/** More sibling names than this are different benchmarks, not levels of one condition. */
export const MAX_PATH_LEVELS = 24;
const MAX_LEVEL_LENGTH = 40;
const SEPARATOR = /([-_. ]+)/;
/** A folder named for the files' format (`json/`, `csv/`) holds them; it names no condition. */
const FORMAT_FOLDER = /^(json|csv|md|txt|jsonl|logs?|raw)$/i;

interface Unit {
  /** Timestamps and run indices normalised, split at `/`; the last segment is the file stem. */
  segments: string[];
  extension: string;
  /**
   * Depth, extension and the number of the unit's sorted metric names (shared by units with the same
   * names, cheap to put in a key), as siblingKey starts every key.
   */
  kind: string;
  series: Series[];
  /**
   * Factor name → level and the segment it came from. `repeats`: the level only repeats a label the
   * series state (see repeatsLabel): the siblings are still one experiment, but it is no factor.
   */
  factors: Map<string, { level: string; position: number; repeats?: true }>;
}

function splitFile(path: string): { segments: string[]; extension: string } {
  const segments = path.split('/');
  const last = segments[segments.length - 1] as string;
  const dot = last.lastIndexOf('.');
  if (dot > 0) segments[segments.length - 1] = last.slice(0, dot);
  return { segments, extension: dot > 0 ? last.slice(dot) : '' };
}

/** `runtime-a` → ['runtime', '-', 'a']: words and the separators between them. */
function tokens(name: string): string[] {
  return name.split(SEPARATOR).filter((t) => t !== '');
}

const isSeparator = (t: string) => SEPARATOR.test(t) && t.replace(SEPARATOR, '') === '';

/**
 * Setting names benchmark scripts glue to the value in folder names (`c16`,
 * `bs32`, `tp2`), and the name each stands for. Only these: `llama2`/`llama3`
 * are models, not a setting `llama` at 2 and 3.
 */
const GLUED_SETTINGS: Readonly<Record<string, string>> = {
  c: 'concurrency',
  conc: 'concurrency',
  concurrency: 'concurrency',
  bs: 'batch_size',
  batch: 'batch_size',
  tp: 'tp',
  pp: 'pp',
  dp: 'dp',
  ep: 'ep',
  qps: 'qps',
  rps: 'rps',
  rate: 'rate',
  isl: 'isl',
  osl: 'osl',
  ctx: 'ctx',
  seqlen: 'seqlen',
  threads: 'threads',
  nodes: 'nodes',
};
const GLUED = /^([a-z]+)(\d+(?:\.\d+)?)$/i;

/** `c2`, `c16` → concurrency at 2 and 16, as `concurrency_2`, `concurrency_16` would read; undefined otherwise. */
function gluedSetting(names: readonly string[]): { name: string; levels: string[] } | undefined {
  let name: string | undefined;
  const levels: string[] = [];
  for (const n of names) {
    const m = GLUED.exec(n);
    const setting = m ? GLUED_SETTINGS[(m[1] as string).toLowerCase()] : undefined;
    if (setting === undefined || (name !== undefined && setting !== name)) return undefined;
    name = setting;
    levels.push(m?.[2] as string);
  }
  return name === undefined ? undefined : { name, levels };
}

/**
 * What the sibling names share and where they differ: `runtime-a`,
 * `runtime-b` → name `runtime`, levels `a`, `b`; `gemma3_1b_baseline`,
 * `gemma3_baseline` → name `gemma3`, levels `1b`, `gemma3_baseline`. The name falls
 * back to the parent folder, then to what follows the differing part. A
 * setting glued to its value (`c2`, `c16`) is named by the setting.
 */
export function siblingLevels(names: readonly string[], parent: string | undefined): { name: string; levels: string[] } {
  const glued = gluedSetting(names);
  if (glued) return glued;
  const split = names.map(tokens);
  const shortest = Math.min(...split.map((t) => t.length));
  let prefix = 0;
  while (prefix < shortest && split.every((t) => t[prefix] === split[0]?.[prefix])) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && split.every((t) => t[t.length - 1 - suffix] === split[0]?.[split[0].length - 1 - suffix])) suffix++;
  // A shared word must end at a separator: `run1a`/`run1b` share no word, `gpu-a`/`gpu-b` share `gpu`.
  while (prefix > 0 && !isSeparator(split[0]?.[prefix - 1] ?? '') && prefix < shortest) prefix--;
  const strip = (t: string[]) => t.filter((x) => !isSeparator(x));
  // A name with nothing where the others differ (`gemma3_baseline` beside `gemma3_1b_baseline`) keeps its whole name.
  const prefixWords = strip(split[0]?.slice(0, prefix) ?? []);
  // `27B_IQ4_XS_d0`, `27B_HauhauCS_d0` share the model's size, a value: `27B=IQ4_XS_d0` would name a condition
  // that is not one, so the shared start stays in the levels and the name comes from elsewhere.
  const named = prefixWords.length > 0 && !prefixWords.every((w) => /^\d/.test(w));
  const from = named ? prefix : 0;
  const levels = split.map((t) => {
    const middle = t.slice(from, t.length - suffix).join('').replace(/^[-_. ]+|[-_. ]+$/g, '');
    return middle === '' ? t.join('') : middle;
  });
  const suffixWords = strip(split[0]?.slice(split[0].length - suffix) ?? []);
  const folder = parent !== undefined && !parent.includes('<') && parent !== '*' && !FORMAT_FOLDER.test(parent) ? parent : undefined;
  const name = named ? prefixWords.join('_') : folder ?? (suffixWords.length > 0 ? suffixWords.join('_') : 'variant');
  return { name, levels };
}

/** `results/*‍/: runtime` → a regular expression whose first group is the factor's level. */
export function factorRuleRegExp(pattern: string): RegExp {
  let source = '';
  let captured = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') {
      source += captured ? '[^/]*' : '([^/]+?)';
      captured = true;
    } else source += c.replace(/[\\^$.+?()[\]{}|]/g, '\\$&');
  }
  // A pattern ending in `/` names a folder: everything below it matches.
  return new RegExp(`^${source}${pattern.endsWith('/') ? '' : '$'}`, 'd');
}

/**
 * The last word of a name of several words, the kind of experiment it names
 * (`gemma3_4b_quant_compare` → compare); '' for one word or an ending that is
 * a size, a version or an unbounded level. Names repeat at every depth and in
 * every group: each is read once.
 */
const kindOfExperiment = memo(10_000, (name) => {
  const words = tokens(name).filter((t) => !isSeparator(t));
  const ending = words.length > 1 ? (words[words.length - 1] as string) : '';
  // `qps_inf` beside `qps_1`, `qps_16`: an unbounded rate is a level of the sweep too.
  return /\d/.test(ending) || /^(inf|infinity|max|unlimited)$/i.test(ending) ? '' : ending;
});

/**
 * Siblings that end in different words are different experiments that
 * happen to share columns (`gemma3_1b_baseline`, `gemma3_270m_baseline` and
 * `gemma3_4b_quant_compare`): each ending forms its own group, and a name
 * alone with its ending forms none. An ending with a digit is a size or a
 * version (`llama3-8b`, `deepseek-r1`), part of the level's name, not a kind
 * of experiment.
 */
function bySuffix<T extends [string, Unit]>(group: T[], position: number): T[][] {
  const classes = new Map<string, T[]>();
  for (const entry of group) {
    const last = kindOfExperiment(entry[1].segments[position] as string);
    const list = classes.get(last) ?? [];
    list.push(entry);
    classes.set(last, list);
  }
  // Every ending different (`runtime-a`, `runtime-b`): the ending is the level, not a kind of experiment.
  if ([...classes.values()].every((c) => c.length === 1)) return [group];
  return [...classes.values()].filter((c) => c.length > 1);
}

/**
 * Markdown and text files are notes and reports first: sibling notes with the
 * same table are not variants of one run. A tool's console output saved as
 * text (`results/<cluster>/all_reduce_perf.txt`) is a run, and is grouped.
 */
const DOCUMENT_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.log']);

function unitsOf(series: readonly Series[]): Map<string, Unit> {
  // Two functions, one per loop: each is optimised on its own.
  const { units, metrics } = seriesByUnit(series);
  numberSchemas(units, metrics);
  return units;
}

/** Each unit's series, and the metric names of each. */
function seriesByUnit(series: readonly Series[]): { units: Map<string, Unit>; metrics: Map<Unit, Set<string>> } {
  const units = new Map<string, Unit>();
  const metrics = new Map<Unit, Set<string>>();
  let file: string | undefined;
  let unit: Unit | undefined;
  let names = new Set<string>();
  // Indexed: run once, this loop is not optimised at first, and for…of then makes an iterator result per series.
  for (let i = 0; i < series.length; i++) {
    const s = series[i] as Series;
    // A file's series arrive together: its unit is looked up once.
    if (s.file !== file || !unit) {
      file = s.file;
      const path = normaliseRunPath(s.file);
      unit = units.get(path);
      if (!unit) {
        const { segments, extension } = splitFile(path);
        unit = { segments, extension, kind: '', series: [], factors: new Map() };
        units.set(path, unit);
        metrics.set(unit, new Set());
      }
      names = metrics.get(unit) as Set<string>;
    }
    unit.series.push(s);
    names.add(s.metric);
  }
  return { units, metrics };
}

/** Units with the same metric names get the same schema number. */
function numberSchemas(units: ReadonlyMap<string, Unit>, metrics: ReadonlyMap<Unit, Set<string>>): void {
  const schemas = new Map<string, number>();
  let previous: { names: string[]; id: number } | undefined;
  for (const unit of units.values()) {
    const names = [...(metrics.get(unit) as Set<string>)];
    // Files of one schema follow each other: the same names in the same order are the previous unit's schema.
    let id = previous && sameNames(previous.names, names) ? previous.id : undefined;
    if (id === undefined) {
      const schema = sortedNames(names).join('\u0001');
      id = schemas.get(schema);
      if (id === undefined) {
        id = schemas.size;
        schemas.set(schema, id);
      }
    }
    previous = { names, id };
    unit.kind = `${unit.segments.length}|${unit.extension}|${id}|`;
  }
}

/** Whether two lists hold the same names in the same order. */
function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * What a unit's siblings at `position` share with it: depth, extension,
 * schema and every other segment (the segment at `position` written as NUL).
 */
function siblingKey(unit: Unit, position: number): string {
  let key = unit.kind;
  const segments = unit.segments;
  // Joined by hand: this runs for every unit at every depth of the tree.
  for (let i = 0; i < segments.length; i++) key += (i > 0 ? '/' : '') + (i === position ? '\u0000' : (segments[i] as string));
  return key;
}

/** Level names must read as names: short, and not a run index or timestamp that normalisation left in place. */
function usable(levels: readonly string[]): boolean {
  return new Set(levels).size === levels.length && levels.every((l) => l.length <= MAX_LEVEL_LENGTH && !l.includes('<'));
}

/**
 * Whether the levels only repeat a label every series of each sibling states already: BenchmarkDotNet
 * names its reports by class (`Acme.Text.ParserBench-report.csv`) and labels each row `type=ParserBench`,
 * so the file name is the label again, not a condition of its own (a factor `Acme_Text` beside `type`).
 * The siblings stay one experiment, so their series are still compared by that label. A level may be
 * the label's value qualified by a namespace (`Text.ParserBench` when the siblings' namespaces differ too).
 */
function repeatsLabel(group: readonly [string, Unit][], levels: readonly string[]): boolean {
  const names = (level: string, value: string | undefined) => value !== undefined && value !== '' && (level === value || level.endsWith(`.${value}`));
  const first = group[0]?.[1].series[0];
  if (!first) return false;
  const candidates = Object.keys(first.labels).filter((k) => names(levels[0] as string, first.labels[k]));
  return candidates.some((k) => group.every(([, unit], i) => unit.series.every((s) => names(levels[i] as string, s.labels[k]))));
}

/**
 * Sibling folders or files with the same schema (the same metric names)
 * whose paths differ in one segment define a factor: the differing part of
 * that segment is each unit's level. `rules` (the `factors` input) name a
 * segment explicitly and take its whole value as the level; they replace
 * what detection found at that segment. Levels go to `Series.factors`,
 * never to labels or ids; a label the file itself states wins over a path
 * factor of the same name. Returns the factors found.
 */
export function assignPathFactors(series: readonly Series[], rules: readonly PatternRule<string>[] = [], context: FactorContext = {}): PathFactor[] {
  return pathFactors(series, rules, context).factors;
}

/** What the run knows beyond the series: files a tool adapter read, and the analysed folder (workspace-relative). */
export interface FactorContext {
  toolOutputs?: ReadonlySet<string>;
  root?: string;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * A `factors` rule's match in a path: as written (workspace-relative), or
 * relative to the analysed folder, as a user of `analyze results` writes it
 * (`*‍/: cluster` for `results/<cluster>/…`). The position counts from the
 * workspace either way.
 */
function ruleMatch(test: RegExp, path: string, root: string | undefined): { level: string; position: number } | undefined {
  const at = (text: string, skipped: number) => {
    const match = test.exec(text);
    const span = match?.indices?.[1];
    if (!match || !span) return undefined;
    return { level: match[1] as string, position: skipped + text.slice(0, span[0]).split('/').length - 1 };
  };
  const prefix = root !== undefined && root !== '.' && root !== '' ? `${root}/` : undefined;
  return at(path, 0) ?? (prefix && path.startsWith(prefix) ? at(path.slice(prefix.length), prefix.split('/').length - 1) : undefined);
}

/** Units by siblingKey at `position`: units that may be siblings differing in that segment. */
function siblingGroups(list: readonly [string, Unit][], position: number): Map<string, [string, Unit][]> {
  const groups = new Map<string, [string, Unit][]>();
  for (let i = 0; i < list.length; i++) {
    const entry = list[i] as [string, Unit];
    const unit = entry[1];
    if (position >= unit.segments.length) continue;
    const key = siblingKey(unit, position);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return groups;
}

/** assignPathFactors, and the `factors` rules that matched no file holding series (so the run can say so). */
export function pathFactors(series: readonly Series[], rules: readonly PatternRule<string>[] = [], context: FactorContext = {}): { factors: PathFactor[]; unmatched: PatternRule<string>[] } {
  const toolOutputs = context.toolOutputs ?? NONE;
  const units = unitsOf(series);
  const found = new Map<string, PathFactor>();
  const note = (name: string, level: string, where: string, source: PathFactor['source']) => {
    const key = `${source}\u0000${name}\u0000${where}`;
    const f = found.get(key) ?? { name, levels: [], where, source };
    if (!f.levels.includes(level)) f.levels.push(level);
    found.set(key, f);
  };
  const list = [...units.entries()].filter(([, unit]) => !DOCUMENT_EXTENSIONS.has(unit.extension.toLowerCase()) || toolOutputs.has((unit.series[0] as Series).file));
  const depth = Math.max(0, ...list.map(([, u]) => u.segments.length));
  for (let position = 0; position < depth; position++) {
    for (const whole of siblingGroups(list, position).values()) {
      // A unit without siblings at this position has no level to find (most units, at most positions).
      if (whole.length < 2) continue;
      for (const group of bySuffix(whole, position)) {
      if (group.length < 2 || group.length > MAX_PATH_LEVELS) continue;
      const names = group.map(([, u]) => u.segments[position] as string);
      const { name, levels } = siblingLevels(names, group[0]?.[1].segments[position - 1]);
      if (!usable(levels)) continue;
      const repeats = repeatsLabel(group, levels);
      const first = (group[0] as [string, Unit])[1];
      const where = first.segments.map((s, i) => (i === position ? '*' : s)).join('/') + first.extension;
      group.forEach(([, unit], i) => {
        if (!unit.factors.has(name)) unit.factors.set(name, repeats ? { level: levels[i] as string, position, repeats } : { level: levels[i] as string, position });
        if (!repeats) note(name, levels[i] as string, where, 'path');
      });
      }
    }
  }
  const compiled = rules.map((rule) => ({ rule, test: factorRuleRegExp(rule.pattern) }));
  const matched = new Set<PatternRule<string>>();
  // Without `factors` rules (most runs), no unit is visited.
  if (compiled.length > 0) for (const [path, unit] of units) {
    for (const { rule, test } of compiled) {
      const found = ruleMatch(test, path, context.root);
      if (!found) continue;
      matched.add(rule);
      const { level, position } = found;
      for (const [name, f] of unit.factors) if (f.position === position) unit.factors.delete(name);
      unit.factors.set(rule.value, { level, position });
      note(rule.value, level, rule.pattern, 'input');
    }
  }
  for (const unit of units.values()) {
    if (unit.factors.size === 0) continue;
    const positions = new Set([...unit.factors.values()].map((f) => f.position));
    const experiment = unit.segments.map((s, i) => (positions.has(i) ? '*' : s)).join('/') + unit.extension;
    for (const s of unit.series) {
      const factors: Record<string, string> = {};
      let grouped = false;
      for (const [name, f] of unit.factors) {
        if (f.repeats) grouped = true;
        else if (!(name in s.labels)) factors[name] = f.level;
      }
      if (Object.keys(factors).length > 0) s.factors = factors;
      else if (!grouped) continue;
      s.experiment = experiment;
    }
  }
  // A detected factor a rule replaced everywhere is no longer a factor of any series: not listed.
  const carried = new Set<string>();
  for (const unit of units.values()) {
    // Most units have none (a loop per unit, not three lists).
    if (unit.factors.size > 0) for (const [name, f] of unit.factors) if (!f.repeats) carried.add(name);
  }
  for (const [key, f] of found) if (f.source === 'path' && !carried.has(f.name)) found.delete(key);
  // A factor detected in several groups (the runtime folders under each config) is one factor;
  // its place is the groups' paths with every segment they disagree on as `*`.
  const merged = new Map<string, PathFactor>();
  for (const f of found.values()) {
    const key = `${f.source}\u0000${f.name}`;
    const m = merged.get(key);
    if (!m) {
      merged.set(key, { ...f, levels: [...f.levels] });
      continue;
    }
    for (const l of f.levels) if (!m.levels.includes(l)) m.levels.push(l);
    const a = m.where.split('/');
    const b = f.where.split('/');
    if (a.length === b.length) m.where = a.map((s, i) => (s === b[i] ? s : '*')).join('/');
  }
  return { factors: [...merged.values()], unmatched: rules.filter((rule) => !matched.has(rule)) };
}
