/**
 * `npm run bench:gate`: how often the regression gate cries wolf and how often
 * it catches a real drop, by simulation. Each trial draws a baseline and a
 * head run of n samples with normal noise (coefficient of variation CV) and
 * compares them with the gate's default settings (mean, threshold 5%,
 * min-samples 3, confidence 0.95), next to a flat single-value rule at the
 * same nominal 5% (the last sample of each side, as github-action-benchmark
 * compares). A/A trials have no true change; A/B trials a true throughput
 * drop of 5%, 10% or 20%. The PRNG is seeded: the table is the same on every
 * run. Prints a Markdown table on stdout. Environment: BENCH_GATE_TRIALS (2000).
 *
 * The second table adds run-to-run noise: every run (the default-branch
 * history, the baseline, which is the newest history run, and the head) has
 * its own offset, normal with sd 1%, 2% or 3% of the mean, on top of the
 * within-run CV. Three gates judge the SAME seeded trials: today's (Welch on
 * the samples of the baseline run and the head alone), the history-aware one
 * (the same compareSeries with the history's per-run summaries: the larger of
 * within- and between-run noise, the baseline pooled from the newest stable
 * stretch), and the flat 5% rule. Also shown: how often the history-aware gate
 * says inconclusive, and a strict variant that regresses only when the whole
 * interval is past the threshold (why a significant change past the threshold
 * stays "regressed"). Last, the target cell (offsets 2%, CV 1%, n = 5)
 * again with many more trials, rates with two decimals and counts.
 * Environment: BENCH_GATE_HISTORY_TRIALS (10000), BENCH_GATE_HISTORY_RUNS (10),
 * BENCH_GATE_TARGET_TRIALS (100000).
 */
import { compareSeries, type ComparableSeries, type CompareSettings } from '../src/baseline/compare.js';
import { seriesHistory, type RunValue } from '../src/baseline/noise.js';
import { compileGateRules } from '../src/baseline/thresholds.js';
import { DEFAULT_CONFIDENCE, DEFAULT_MIN_SAMPLES, DEFAULT_POWER, DEFAULT_THRESHOLD } from '../src/baseline/config.js';
import { seededRandom } from '../src/baseline/statistics.js';
import type { SeriesStats } from '../src/model/series.js';
import { errorFunction } from 'simple-statistics';

const TRIALS = Number(process.env.BENCH_GATE_TRIALS ?? 2000);
const CVS = [0.01, 0.05, 0.2];
const SIZES = [1, 3, 5, 10];
const DROPS = [0, 0.05, 0.1, 0.2];
const TRUE_MEAN = 100;

const SETTINGS: CompareSettings = {
  statistic: 'mean',
  threshold: DEFAULT_THRESHOLD,
  thresholds: [],
  minSamples: DEFAULT_MIN_SAMPLES,
  confidence: DEFAULT_CONFIDENCE,
  power: DEFAULT_POWER,
  gate: { mode: 'throughput' },
};

/** Standard normal draws by the Box–Muller transform. */
function normalSource(random: () => number): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    const u = 1 - random();
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

function stats(samples: number[]): SeriesStats {
  const n = samples.length;
  const mean = samples.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(samples.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : null;
  const sorted = [...samples].sort((a, b) => a - b);
  const p50 = n % 2 ? (sorted[n >> 1] as number) : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
  return { n, mean, sd, cv: sd === null ? null : (sd / mean) * 100, min: sorted[0] ?? null, p50, p95: null, p99: null, max: sorted[n - 1] ?? null, approximate: false };
}

function series(samples: number[]): ComparableSeries {
  return { id: 'bench::tokens_s', file: 'bench.csv', metric: 'tokens_s', labels: {}, unit: 'tok/s', direction: 'higher', source: 'samples', stats: stats(samples), samples };
}

interface Cell {
  gate: number;
  flat: number;
}

function simulate(cv: number, n: number, drop: number, seed: number): Cell {
  const normal = normalSource(seededRandom(seed));
  const draw = (mean: number) => Array.from({ length: n }, () => mean * (1 + cv * normal()));
  let gate = 0;
  let flat = 0;
  for (let i = 0; i < TRIALS; i++) {
    const base = draw(TRUE_MEAN);
    const head = draw(TRUE_MEAN * (1 - drop));
    if (compareSeries(series(base), series(head), SETTINGS).verdict === 'regressed') gate += 1;
    const lastBase = base[n - 1] as number;
    const lastHead = head[n - 1] as number;
    if ((lastHead - lastBase) / lastBase < -DEFAULT_THRESHOLD) flat += 1;
  }
  return { gate: gate / TRIALS, flat: flat / TRIALS };
}

/**
 * The most any test can detect at a 1% false-alarm rate, even knowing σ
 * (Neyman–Pearson: a one-sided z-test on the difference of means):
 * Φ((d − z₀.₉₉·σ₀) / σ₁), σ₀ = CV·√(2/n) under no change, σ₁ = CV·√((1 + (1−d)²)/n).
 */
function bound(cv: number, n: number, drop: number): number {
  const phi = (z: number) => 0.5 * (1 + errorFunction(z / Math.SQRT2));
  const z99 = 2.3263478740408408;
  if (drop === 0) return 0.01;
  const s0 = cv * Math.sqrt(2 / n);
  const s1 = cv * Math.sqrt((1 + (1 - drop) ** 2) / n);
  return phi((drop - z99 * s0) / s1);
}

function pct(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

const rows: string[] = [];
let seed = 20251002;
for (const cv of CVS) {
  for (const n of SIZES) {
    const cells = DROPS.map((drop) => simulate(cv, n, drop, seed++));
    const line = (name: string, pick: (c: Cell) => number) => `| ${pct(cv)} | ${n} | ${name} | ${cells.map((c) => pct(pick(c))).join(' | ')} |`;
    rows.push(line('gate', (c) => c.gate), line('flat 5%', (c) => c.flat));
    rows.push(`| ${pct(cv)} | ${n} | bound: best test at 1% false alarms, σ known | ${DROPS.map((d) => pct(bound(cv, n, d))).join(' | ')} |`);
  }
}

// Second table: between-run offsets and the default-branch history.
const HISTORY_TRIALS = Number(process.env.BENCH_GATE_HISTORY_TRIALS ?? 10000);
const HISTORY_RUNS = Number(process.env.BENCH_GATE_HISTORY_RUNS ?? 10);
const BETWEEN = [0.01, 0.02, 0.03];
const HISTORY_CVS = [0.01, 0.05];
const HISTORY_SIZES = [5, 10];
const RULES = compileGateRules(SETTINGS);

interface HistoryCell {
  today: number;
  history: number;
  flat: number;
  inconclusive: number;
  strict: number;
}

function simulateWithHistory(between: number, cv: number, n: number, drop: number, seed: number, trials = HISTORY_TRIALS): HistoryCell {
  const normal = normalSource(seededRandom(seed));
  const run = (mean: number) => {
    const level = mean * (1 + between * normal());
    return Array.from({ length: n }, () => level * (1 + cv * normal()));
  };
  const cell: HistoryCell = { today: 0, history: 0, flat: 0, inconclusive: 0, strict: 0 };
  for (let i = 0; i < trials; i++) {
    const past = Array.from({ length: HISTORY_RUNS }, () => run(TRUE_MEAN));
    const baseSamples = past[past.length - 1] as number[];
    const headSamples = run(TRUE_MEAN * (1 - drop));
    const base = series(baseSamples);
    const head = series(headSamples);
    if (compareSeries(base, head, SETTINGS, RULES).verdict === 'regressed') cell.today += 1;
    const values: RunValue[] = past.map((samples) => {
      const st = stats(samples);
      return { mean: st.mean, sd: st.sd, n: st.n };
    });
    const aware = compareSeries(base, head, SETTINGS, RULES, seriesHistory(values));
    if (aware.verdict === 'regressed') cell.history += 1;
    if (aware.verdict === 'inconclusive') cell.inconclusive += 1;
    if (aware.verdict === 'regressed' && aware.interval && aware.interval[1] < -SETTINGS.threshold) cell.strict += 1;
    if (((headSamples[n - 1] as number) - (baseSamples[n - 1] as number)) / (baseSamples[n - 1] as number) < -DEFAULT_THRESHOLD) cell.flat += 1;
  }
  for (const key of Object.keys(cell) as (keyof HistoryCell)[]) cell[key] /= trials;
  return cell;
}

const historyRows: string[] = [];
let historySeed = 20251113;
for (const between of BETWEEN) {
  for (const cv of HISTORY_CVS) {
    for (const n of HISTORY_SIZES) {
      const cells = DROPS.map((drop) => simulateWithHistory(between, cv, n, drop, historySeed++));
      const line = (name: string, pick: (c: HistoryCell) => number) => `| ${pct(between)} | ${pct(cv)} | ${n} | ${name} | ${cells.map((c) => pct(pick(c))).join(' | ')} |`;
      historyRows.push(
        line("today's gate", (c) => c.today),
        line('history-aware gate', (c) => c.history),
        line('flat 5%', (c) => c.flat),
        line('history-aware: inconclusive', (c) => c.inconclusive),
        line('strict: whole interval past 5%', (c) => c.strict),
      );
    }
  }
}

// The target cell, with enough trials to tell 0.8% from 1.2% (the standard error of a 1% rate is 0.03% at 100,000).
const TARGET_TRIALS = Number(process.env.BENCH_GATE_TARGET_TRIALS ?? 100000);
const target = [0, 0.1].map((drop, i) => simulateWithHistory(0.02, 0.01, 5, drop, 20251201 + i, TARGET_TRIALS));
const exact = (rate: number) => `${(rate * 100).toFixed(2)}% (${Math.round(rate * TARGET_TRIALS)})`;
const targetRows = (
  [
    ["today's gate", 'today'],
    ['history-aware gate', 'history'],
    ['flat 5%', 'flat'],
  ] as const
).map(([name, key]) => `| ${name} | ${exact((target[0] as HistoryCell)[key])} | ${exact((target[1] as HistoryCell)[key])} |`);

process.stdout.write(
  [
    `${TRIALS} trials per cell; gate = mean, threshold 5%, min-samples 3, confidence 0.95; flat 5% = last sample of each side;`,
    'bound = what any test could detect at 1% false alarms if σ were known (not a simulation).',
    '',
    '| CV | n per side | Method | False alarms (A/A) | Detects −5% | Detects −10% | Detects −20% |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `With run-to-run offsets: ${HISTORY_TRIALS} trials per cell, the same trials for every method of a cell; ${HISTORY_RUNS} default-branch runs of history, the newest of them the baseline;`,
    "today's gate = Welch on the baseline run and the head run; history-aware = the same gate given the history (larger of within- and between-run noise, pooled baseline);",
    'rates are of regressed verdicts, except the inconclusive row (history-aware verdicts that were inconclusive).',
    '',
    '| Run offset sd | Within-run CV | n per side | Method | False alarms (A/A) | Detects −5% | Detects −10% | Detects −20% |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...historyRows,
    '',
    `Target cell: run offsets 2%, within-run CV 1%, n = 5 per side, ${HISTORY_RUNS} history runs, ${TARGET_TRIALS} trials (count in brackets):`,
    '',
    '| Method | False alarms (A/A) | Detects −10% |',
    '| --- | --- | --- |',
    ...targetRows,
    '',
  ].join('\n'),
);
