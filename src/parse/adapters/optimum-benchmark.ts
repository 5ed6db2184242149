import type { RawSeries } from '../../model/series.js';
import { ProblemLog } from '../problems.js';
import { skipped, type ParseOutcome } from '../types.js';
import { sampledSeries, shortLabel, summarySeries } from './llm-shared.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { isObject, numberOf, objectAt, parsedOutcome, summaryOf, type JsonObject } from './util.js';

/**
 * Hugging Face optimum-benchmark: `benchmark_report.json` holds one entry per
 * measured target (`load_model`, `prefill`, `decode`, `per_token`, `forward`,
 * …), each with `memory`, `latency`, `throughput`, `energy` and `efficiency`
 * (null when not measured); `benchmark.json` wraps the same report with the
 * run's `config` (backend, scenario, launcher, environment).
 *
 *     "decode": { "memory": { "unit": "MB", "max_ram": …, "max_allocated": … },
 *                 "latency": { "unit": "s", "values": […], "count": 10, "total": …, "mean": …,
 *                              "p50": …, "p90": …, "p95": …, "p99": …, "stdev": …, "stdev_": … },
 *                 "throughput": { "unit": "tokens/s", "value": … }, "energy": null, "efficiency": null }
 *
 * Series keep the names the generic reader gave `benchmark_report.json`
 * (`decode.latency`, `decode.memory.max_ram`), so their ids do not change;
 * `total` (the sum of the values) and `stdev_` (the sd in % of the mean) are
 * derived and not read. The config labels the run; its settings and the
 * machine description are never results.
 */

const SECTIONS = new Set(['memory', 'latency', 'throughput', 'energy', 'efficiency']);

/** A target's entry: only the five measurement sections, at least one of them measured. */
function isTarget(value: unknown): value is JsonObject {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => SECTIONS.has(k)) && keys.some((k) => isObject(value[k]) && typeof (value[k] as JsonObject).unit === 'string');
}

function isReport(value: unknown): value is JsonObject {
  if (!isObject(value)) return false;
  const entries = Object.values(value);
  return entries.length > 0 && entries.every((e) => e === null || isTarget(e)) && entries.some(isTarget);
}

/** `benchmark.json`: the report with the config it ran. */
function isBenchmark(value: unknown): value is JsonObject & { report: JsonObject; config: JsonObject } {
  return isObject(value) && isObject(value.config) && isReport(value.report);
}


/**
 * What ran: the model, backend, device, precision and quantization, and the
 * input shapes and generation length. Iteration counts, durations, seeds and
 * the environment (CPU, GPU, versions) describe how and where, not what.
 */
function labelsOf(config: JsonObject | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  const backend = objectAt(config, 'backend');
  const scenario = objectAt(config, 'scenario');
  const put = (label: string, value: unknown) => {
    const text = shortLabel(value, 200);
    if (text !== undefined) labels[label] = text;
  };
  put('model', backend?.model);
  put('backend', backend?.name);
  put('device', backend?.device);
  put('torch_dtype', backend?.torch_dtype);
  put('quantization', backend?.quantization_scheme);
  put('quant_type', objectAt(backend, 'quantization_config')?.quant_type);
  const shapes = objectAt(scenario, 'input_shapes');
  for (const [key, value] of Object.entries(shapes ?? {})) {
    // Every inference config carries the default num_choices: 2; only a multiple-choice model is fed that many choices.
    if (key === 'num_choices' && backend?.task !== 'multiple-choice') continue;
    if (numberOf(value) !== undefined) put(key, value);
  }
  put('max_new_tokens', objectAt(scenario, 'generate_kwargs')?.max_new_tokens);
  return labels;
}

function targetSeries(target: string, entry: JsonObject, labels: Record<string, string>): RawSeries[] {
  const series: RawSeries[] = [];
  const memory = objectAt(entry, 'memory');
  if (memory) {
    const unit = typeof memory.unit === 'string' ? memory.unit : undefined;
    for (const [key, value] of Object.entries(memory)) {
      const v = numberOf(value);
      // Peak memory: less is better, as for an allocation.
      if (key !== 'unit' && v !== undefined) series.push(sampledSeries(`${target}.memory.${key}`, labels, [v], { ...(unit !== undefined ? { unit } : {}), direction: 'lower' }));
    }
  }
  const latency = objectAt(entry, 'latency');
  if (latency) {
    const unit = typeof latency.unit === 'string' ? latency.unit : 's';
    const values = Array.isArray(latency.values) ? latency.values.map(numberOf).filter((v): v is number => v !== undefined) : [];
    if (values.length > 0) series.push(sampledSeries(`${target}.latency`, labels, values, { unit, direction: 'lower' }));
    else if (numberOf(latency.mean) !== undefined) {
      const percentiles: Record<number, number> = {};
      for (const rank of [90, 95, 99]) if (numberOf(latency[`p${rank}`]) !== undefined) percentiles[rank] = numberOf(latency[`p${rank}`]) as number;
      const summary = summaryOf({ n: numberOf(latency.count), mean: numberOf(latency.mean), sd: numberOf(latency.stdev), median: numberOf(latency.p50), percentiles });
      series.push(summarySeries(`${target}.latency`, labels, summary, { unit, direction: 'lower' }));
    }
  }
  for (const [section, direction] of [['throughput', 'higher'], ['efficiency', 'higher']] as const) {
    const block = objectAt(entry, section);
    const v = numberOf(block?.value);
    if (v !== undefined) series.push(sampledSeries(`${target}.${section}`, labels, [v], { ...(typeof block?.unit === 'string' ? { unit: block.unit } : {}), direction }));
  }
  const energy = objectAt(entry, 'energy');
  const total = numberOf(energy?.total);
  // The total is what was spent; its cpu/ram/gpu parts add up to it.
  if (total !== undefined) series.push(sampledSeries(`${target}.energy`, labels, [total], { ...(typeof energy?.unit === 'string' ? { unit: energy.unit } : {}), direction: 'lower' }));
  return series;
}

/**
 * The other files of the same run this one stands for, so the run is counted
 * once: `benchmark.json` holds the report, and the report's Markdown and text
 * renderings (which the table reader would read again) hold its numbers.
 */
function sameRun(path: string): string[] {
  const dir = path.slice(0, path.lastIndexOf('/') + 1);
  const base = path.slice(dir.length);
  const names = base === 'benchmark.json' ? ['benchmark_report.json', 'benchmark_report.md', 'benchmark_report.txt'] : base === 'benchmark_report.json' ? ['benchmark_report.md', 'benchmark_report.txt'] : [];
  return names.map((name) => `${dir}${name}`);
}

function parseOptimum(input: AdapterInput): ParseOutcome {
  const doc = input.json;
  const whole = isBenchmark(doc);
  const report = whole ? doc.report : isReport(doc) ? doc : undefined;
  if (!report) return skipped('not an optimum-benchmark report: no targets with memory/latency/throughput sections');
  const labels = labelsOf(whole ? doc.config : undefined);
  const series: RawSeries[] = [];
  for (const [target, entry] of Object.entries(report)) if (isTarget(entry)) series.push(...targetSeries(target, entry, labels));
  if (series.length === 0) return skipped('optimum-benchmark report without a measured value');
  const outcome = parsedOutcome('optimum-benchmark', series, new ProblemLog(), { rows: 1 });
  const others = sameRun(input.path);
  if (others.length > 0) outcome.supersedes = others;
  return outcome;
}

export const optimumBenchmark: ToolAdapter = {
  name: 'optimum-benchmark',
  types: ['json'],
  detect: (input) => isBenchmark(input.json) || isReport(input.json),
  parse: parseOptimum,
};
