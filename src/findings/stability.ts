import { normaliseRunPath } from '../metrics/identity.js';
import { excludedBy, excludedRowsText } from '../util/excluded-rows.js';
import type { StabilityItem } from '../model/finding.js';
import type { FileEntry } from '../model/report.js';
import type { Series } from '../model/series.js';
import { formatNumber } from '../util/numbers.js';
import { plural } from '../util/text.js';
import type { DraftFinding } from './ranking.js';
import { labelsPlain } from './text.js';

/** A coefficient of variation at or above this (percent) makes a mean hard to compare. */
export const HIGH_CV_PERCENT = 10;
const MIN_SAMPLES = 3;
const ITEMS_KEPT = 10;
const ITEMS_NAMED = 3;

function nameOf(s: Series): string {
  const conditions = { ...s.labels, ...s.factors };
  return Object.keys(conditions).length > 0 ? `${s.metric} (${labelsPlain(conditions)})` : s.metric;
}

function cvOf(values: readonly number[]): number | undefined {
  if (values.length < MIN_SAMPLES) return undefined;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (mean === 0) return undefined;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
  return (sd / Math.abs(mean)) * 100;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** One thing that makes a series' numbers less trustworthy; its name and note are written only for a finding that is kept. */
interface RawItem {
  s: Series;
  kind: 'cv' | 'warmup' | 'runs';
  /** The CV the item sorts by (none for a warm-up). */
  cv: number | undefined;
}

/**
 * What makes one series' numbers less trustworthy; undefined when nothing
 * does (most series). No closure is made here: this runs for every series,
 * and its notes are written (noteOf) only for the findings kept.
 */
function itemsOf(s: Series): RawItem[] | undefined {
  let items: RawItem[] | undefined;
  const cv = s.stats.cv;
  if (s.stats.n !== null && s.stats.n >= MIN_SAMPLES && cv !== null && cv >= HIGH_CV_PERCENT) (items ??= []).push({ s, kind: 'cv', cv });
  if (s.outliers.length > 0 && s.samples.length >= 4 && firstSampleOutlier(s) !== undefined) (items ??= []).push({ s, kind: 'warmup', cv: undefined });
  const runMeans = seriesRunMeans(s);
  const runCv = runMeans ? cvOf(runMeans) : undefined;
  if (runCv !== undefined && runCv >= HIGH_CV_PERCENT) (items ??= []).push({ s, kind: 'runs', cv: runCv });
  return items;
}

/** The outlier at the series' first sample, if it is one. */
function firstSampleOutlier(s: Series): Series['outliers'][number] | undefined {
  for (let i = 0; i < s.outliers.length; i++) if ((s.outliers[i] as Series['outliers'][number]).index === 0) return s.outliers[i];
  return undefined;
}

/** The means of the series' runs: its replicate files', or its own run column's. */
function seriesRunMeans(s: Series): readonly number[] | undefined {
  return s.replicates?.runMeans ?? s.runs?.means;
}

/** What an item says about its series. */
function noteOf(item: RawItem): string {
  const s = item.s;
  if (item.kind === 'cv') return `CV ${(item.cv as number).toFixed(1)}% over ${s.stats.n} samples`;
  if (item.kind === 'warmup') {
    const first = firstSampleOutlier(s) as Series['outliers'][number];
    const med = median(s.samples);
    const times = med !== 0 ? Math.abs(first.value / med) : undefined;
    return `first sample ${formatNumber(first.value)}${times !== undefined && times >= 1.05 ? ` is ${times.toFixed(1)}× the median (${formatNumber(med)})` : ` against a median of ${formatNumber(med)}`}: warm-up?`;
  }
  const named = s.runs?.column !== undefined && !s.replicates ? ` (${s.runs.column})` : '';
  return `run means vary by CV ${(item.cv as number).toFixed(1)}% across ${(seriesRunMeans(s) as readonly number[]).length} runs${named}`;
}

/**
 * A stability finding before its text is written: what its score rests on
 * (the lead series' metric and the items it lists), and how to write it.
 * Thousands of files may each get one; only those that can be kept are written.
 */
export interface StabilityCandidate {
  metric: string;
  unit: string;
  direction: Series['direction'];
  /** How many items the finding lists (what its score counts). */
  itemCount: number;
  write: () => DraftFinding;
}

/**
 * Per file or experiment, what makes its numbers less trustworthy: series
 * whose samples scatter (high CV), a first sample that stands out (warm-up),
 * runs whose means disagree, rows left out for a non-empty error column.
 */
export function stabilityFindings(series: readonly Series[], files: readonly FileEntry[]): DraftFinding[] {
  return stabilityCandidates(series, files).map((c) => c.write());
}

/** The paths of files that left rows out of their statistics. */
function filesExcludingRows(files: readonly FileEntry[]): Set<string> {
  const paths = new Set<string>();
  for (let i = 0; i < files.length; i++) if ((files[i] as FileEntry).excludedRows !== 0) paths.add((files[i] as FileEntry).path);
  return paths;
}

/** A pooled series as the owner of its runs' files that left rows out, those without an owner yet. */
function ownRuns(s: Series, excluding: ReadonlySet<string>, ownerOf: Map<string, Series>): void {
  const runs = (s.replicates as NonNullable<Series['replicates']>).files;
  for (let i = 0; i < runs.length; i++) {
    const file = runs[i] as string;
    if (excluding.has(file) && !ownerOf.has(file)) ownerOf.set(file, s);
  }
}

/** stabilityFindings, each written only when asked. */
export function stabilityCandidates(series: readonly Series[], files: readonly FileEntry[]): StabilityCandidate[] {
  const byScope = new Map<string, { items: RawItem[]; series: Series[]; excluded: number; excludedBy?: string[] }>();
  // normaliseRunPath is memoised: a file's many series do not redo its path.
  const scopeOf = (s: Series) => s.experiment || normaliseRunPath(s.file);
  // Each file's first series: the files the stage reads, and the scope their excluded rows count in. Only files
  // that left rows out are looked for (a few in most trees; none is no owner to find).
  const excluding = filesExcludingRows(files);
  const ownerOf = new Map<string, Series>();
  let previousFile: string | undefined;
  // Indexed: run once per series, this loop is not optimised at first, and for…of then makes an iterator result per series.
  for (let i = 0; i < series.length; i++) {
    const s = series[i] as Series;
    if (excluding.size > 0) {
      if (s.replicates) ownRuns(s, excluding, ownerOf);
      else if (s.file !== previousFile && excluding.has(s.file) && !ownerOf.has(s.file)) ownerOf.set(s.file, s);
      previousFile = s.replicates ? undefined : s.file;
    }
    if (s.direction === 'none') continue;
    const items = itemsOf(s);
    if (items === undefined) continue;
    const scope = scopeOf(s);
    let entry = byScope.get(scope);
    if (!entry) byScope.set(scope, (entry = { items: [], series: [], excluded: 0 }));
    for (const item of items) entry.items.push(item);
    entry.series.push(s);
  }
  for (let i = 0; i < files.length; i++) {
    const f = files[i] as FileEntry;
    if (f.excludedRows === 0) continue;
    const owner = ownerOf.get(f.path);
    if (!owner) continue;
    const key = scopeOf(owner);
    const entry = byScope.get(key) ?? { items: [], series: [], excluded: 0 };
    entry.excluded += f.excludedRows;
    (entry.excludedBy ??= []).push(f.adapter ?? '');
    byScope.set(key, entry);
  }
  const out: StabilityCandidate[] = [];
  for (const [path, entry] of byScope) {
    const items = entry.items.sort((a, b) => (b.cv ?? 0) - (a.cv ?? 0)).slice(0, ITEMS_KEPT);
    const scattered = items.filter((i) => i.kind === 'cv');
    const warmups = entry.items.filter((i) => i.kind === 'warmup');
    const runs = items.filter((i) => i.kind === 'runs');
    if (scattered.length === 0 && runs.length === 0 && warmups.length === 0 && entry.excluded === 0) continue;
    const listed = [...items, ...warmups.filter((w) => !items.includes(w))].slice(0, ITEMS_KEPT);
    const lead = entry.series[0];
    const write = (): DraftFinding => {
      // Each series' name is written once, however many of its items are listed.
      const names = new Map<Series, string>();
      const nameFor = (s: Series) => {
        let name = names.get(s);
        if (name === undefined) names.set(s, (name = nameOf(s)));
        return name;
      };
      const written = new Map<RawItem, StabilityItem>();
      const item = (i: RawItem): StabilityItem => {
        let w = written.get(i);
        if (!w) {
          const name = nameFor(i.s);
          const note = noteOf(i);
          w = i.kind === 'warmup' ? { series: i.s.id, name, note } : { series: i.s.id, name, cv: i.cv as number, note };
          written.set(i, w);
        }
        return w;
      };
      const parts: string[] = [];
      if (scattered.length > 0) {
        const total = entry.items.filter((i) => i.kind === 'cv').length;
        parts.push(`${plural(total, 'series scatters', 'series scatter')} widely (${scattered.slice(0, ITEMS_NAMED).map((i) => `${item(i).name} ${item(i).note}`).join('; ')}${total > ITEMS_NAMED ? '; …' : ''})`);
      }
      if (runs.length > 0) parts.push(`run-to-run spread in ${plural(runs.length, 'series', 'series')} (${runs.slice(0, ITEMS_NAMED).map((i) => `${item(i).name} ${item(i).note}`).join('; ')}${runs.length > ITEMS_NAMED ? '; …' : ''})`);
      // The sentence names the first warm-up; "in 2 series (one of them)" without the ellipsis would read as the whole list.
      if (warmups.length > 0) parts.push(`the first sample stands out in ${plural(warmups.length, 'series', 'series')} (${item(warmups[0] as RawItem).name}: ${item(warmups[0] as RawItem).note}${warmups.length > 1 ? '; …' : ''})`);
      const by = excludedBy(entry.excludedBy ?? []);
      if (entry.excluded > 0) parts.push(`${excludedRowsText(entry.excluded, by)} left out of every statistic`);
      const stability: DraftFinding['stability'] = { items: listed.map(item) };
      if (entry.excluded > 0) {
        stability.excludedRows = entry.excluded;
        stability.excludedBy = by;
      }
      return {
        kind: 'stability',
        metric: lead?.metric ?? '',
        unit: lead?.unit ?? '',
        direction: lead?.direction ?? 'none',
        text: `${path}: ${parts.join('; ')}.`,
        series: [...new Set(items.map((i) => i.s.id))],
        scope: { path, labels: {} },
        stability,
      };
    };
    out.push({ metric: lead?.metric ?? '', unit: lead?.unit ?? '', direction: lead?.direction ?? 'none', itemCount: listed.length, write });
  }
  return out;
}
