import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildConfig } from '../../src/config.js';
import { genaiPerfAdapter, metricKind } from '../../src/parse/adapters/genai-perf.js';
import { TOOL_FIXTURES } from '../helpers/tools.js';
import { makeTempDir, removeDir } from '../helpers/tmp.js';
import { built, described, only, readFixture } from '../helpers/llm-adapters.js';
import { notParsed, parsed } from '../helpers/series.js';

describe('GenAI-Perf profile export (JSON)', () => {
  it('reads every {unit, avg, pNN, …} metric, labelled by the model, endpoint and concurrency of input_config', async () => {
    const outcome = await readFixture('genai-perf/profile_export_genai_perf.json');
    const labels = '{concurrency=10,endpoint_type=chat,model=llama-3-8b-instruct,streaming=true}';
    expect(parsed(outcome).adapter).toBe('genai-perf');
    expect(described(built(outcome))).toEqual([
      `request_throughput${labels} [req/s, higher, samples]`,
      `request_latency${labels} [ms, lower, summary]`,
      `time_to_first_token${labels} [ms, lower, summary]`,
      `inter_token_latency${labels} [ms, lower, summary]`,
      `output_token_throughput${labels} [tok/s, higher, samples]`,
      `output_token_throughput_per_request${labels} [tok/s, higher, summary]`,
      `output_sequence_length${labels} [tokens, none, summary]`,
      `input_sequence_length${labels} [tokens, none, summary]`,
    ]);
    expect(only(built(outcome), 'time_to_first_token').stats).toMatchObject({ mean: 45.2, sd: 6.1, min: 35.5, p50: 44, p95: 56, p99: 61, max: 64.9 });
  });

  it('converts nanosecond latencies to ms and ignores a time unit written on a throughput', async () => {
    const series = built(await readFixture('genai-perf/ns-units.json'));
    expect(only(series, 'time_to_first_token').stats).toMatchObject({ mean: 25, sd: 5, p50: 24, p99: 40, min: 20, max: 41 });
    expect(only(series, 'request_latency').stats.mean).toBe(400);
    expect([only(series, 'request_throughput').unit, only(series, 'request_throughput').direction]).toEqual(['req/s', 'higher']);
    expect([only(series, 'output_token_throughput').unit, only(series, 'output_token_throughput').stats.mean]).toEqual(['tok/s', 120]);
  });

  it('converts microsecond latencies to ms exactly (1500 µs is 1.5 ms, not 1.4999999999999998)', () => {
    const json = {
      request_throughput: { unit: 'requests/sec', avg: 2 },
      time_to_first_token: { unit: 'us', avg: 1500, p99: 1234, min: 5 },
    };
    const outcome = genaiPerfAdapter.parse({ path: 'profile_export_genai_perf.json', type: 'json', text: JSON.stringify(json), json });
    expect(only(built(outcome), 'time_to_first_token').stats).toMatchObject({ mean: 1.5, p99: 1.234, min: 0.005 });
  });

  it('reads an AIPerf export: request count as n, errors counted, GPU telemetry per GPU as context', async () => {
    const outcome = await readFixture('genai-perf/profile_export_aiperf.json');
    const series = built(outcome);
    const l = '{concurrency=100,endpoint_type=chat,model=openai/gpt-oss-20b,streaming=true}';
    expect(described(series)).toEqual([
      `request_throughput${l} [req/s, higher, samples]`,
      `request_latency${l} [ms, lower, summary]`,
      `time_to_first_token${l} [ms, lower, summary]`,
      `inter_token_latency${l} [ms, lower, summary]`,
      `output_token_throughput${l} [tok/s, higher, samples]`,
      `output_token_throughput_per_user${l} [tok/s, higher, summary]`,
      `output_sequence_length${l} [tokens, none, summary]`,
      `benchmark_duration${l} [ms, none, samples]`,
      `request_count${l} [requests, none, samples]`,
      `total_osl${l} [tokens, none, samples]`,
      `gpu_power_usage{concurrency=100,endpoint_type=chat,gpu=0,model=openai/gpt-oss-20b,streaming=true} [W, none, summary]`,
      `gpu_utilization{concurrency=100,endpoint_type=chat,gpu=0,model=openai/gpt-oss-20b,streaming=true} [%, none, summary]`,
    ]);
    expect(only(series, 'request_latency').stats).toMatchObject({ n: 200, mean: 6550.36, sd: 1171.14, p99: 9381.63 });
    expect(only(series, 'benchmark_duration').stats.mean).toBe(15200);
    expect(parsed(outcome)).toMatchObject({ rows: 203, excludedRows: 3 });
  });
});

describe('GenAI-Perf / AIPerf CSV export', () => {
  it('reads both sections of a GenAI-Perf CSV, including quoted numbers with thousands separators', async () => {
    const outcome = await readFixture('genai-perf/profile_export_genai_perf.csv');
    const series = built(outcome);
    expect(described(series)).toEqual([
      'time_to_first_token [ms, lower, summary]',
      'inter_token_latency [ms, lower, summary]',
      'request_latency [ms, lower, summary]',
      'output_sequence_length [tokens, none, summary]',
      'input_sequence_length [tokens, none, summary]',
      'output_token_throughput [tok/s, higher, samples]',
      'request_throughput [req/s, higher, samples]',
    ]);
    expect(only(series, 'request_latency').stats).toMatchObject({ mean: 1380.5, min: 1010.7, max: 1902.8, p50: 1350.2, p99: 1850.6 });
  });

  it('gives the same metric names as the JSON export, so either file can be the baseline of the other', async () => {
    const csv = built(await readFixture('genai-perf/profile_export_aiperf.csv')).map((s) => s.metric);
    const json = new Set(built(await readFixture('genai-perf/profile_export_aiperf.json')).map((s) => s.metric));
    expect(csv.filter((m) => !json.has(m))).toEqual([]);
  });

  it('takes the request count of the summary section as n of the distributions, and the telemetry section per GPU', async () => {
    const series = built(await readFixture('genai-perf/profile_export_aiperf.csv'));
    expect(only(series, 'time_to_first_token').stats).toMatchObject({ n: 200, mean: 1588.8, sd: 1189.99 });
    expect(only(series, 'gpu_power_usage', { gpu: '0' }).unit).toBe('W');
  });

  it('does not claim an ordinary CSV whose first column is called Metric', () => {
    const text = 'Metric,Value\naccuracy,0.91\nf1,0.88\n';
    expect(genaiPerfAdapter.detect({ path: 'eval.csv', type: 'csv', text })).toBe(false);
  });
});

describe('GenAI-Perf metric kinds', () => {
  it('infers units from what a metric counts, never from the file', () => {
    expect(metricKind('output_token_throughput')).toMatchObject({ unit: 'tok/s', direction: 'higher' });
    expect(metricKind('request_goodput')).toMatchObject({ unit: 'req/s', direction: 'higher' });
    expect(metricKind('time_to_second_token')).toMatchObject({ unit: 'ms', direction: 'lower', time: true });
    expect(metricKind('input_sequence_length')).toMatchObject({ unit: 'tokens', direction: 'none' });
    expect(metricKind('error_request_count')).toMatchObject({ unit: 'requests', direction: 'lower' });
  });

  it('forced on JSON without profile metrics, says what it looked for', async () => {
    expect(notParsed(await readFixture('llmperf/minimal_summary.json', 'genai-perf')).reason).toBe(
      'not a GenAI-Perf/AIPerf profile export: no {unit, avg, …} objects for TTFT, latency or throughput',
    );
  });
});

describe('GenAI-Perf metrics it does not know', () => {
  it('keeps the file unit and leaves the direction to inference from the name', async () => {
    const json = {
      request_throughput: { unit: 'requests/sec', avg: 2 },
      request_latency: { unit: 'ms', avg: 100, p99: 150 },
      goodput_percentage: { unit: '%', avg: 97.5 },
      queue_wait_time_ms: { unit: 'ms', avg: 3.5, p99: 9 },
    };
    const outcome = genaiPerfAdapter.parse({ path: 'profile_export_genai_perf.json', type: 'json', text: JSON.stringify(json), json });
    expect(described(built(outcome)).slice(2)).toEqual(['goodput_percentage [%, higher, samples]', 'queue_wait_time_ms [ms, lower, summary]']);
  });
});

describe("AIPerf's per-metric counts", () => {
  it('takes each distribution\'s own count as its n: the gaps between streamed chunks are not the requests', async () => {
    const series = built(await readFixture('genai-perf/aiperf-counts.json'));
    expect(series.filter((s) => s.source === 'summary').map((s) => [s.metric, s.stats.n])).toEqual([
      ['request_latency', 40],
      ['time_to_first_token', 40],
      ['inter_token_latency', 40],
      ['inter_chunk_latency', 15360],
    ]);
  });
});

describe('the JSON and CSV exports of one run side by side', () => {
  it('reads the JSON and skips the CSV beside it, naming the JSON, so the run is not counted twice', async () => {
    const root = makeTempDir();
    try {
      mkdirSync(path.join(root, 'c16'));
      for (const name of ['profile_export_aiperf.json', 'profile_export_aiperf.csv']) copyFileSync(path.join(TOOL_FIXTURES, 'genai-perf', name), path.join(root, 'c16', name));
      const config = buildConfig(() => '', { workspace: root, defaultOutputDir: undefined });
      const report = await analyze(config, { now: () => new Date(0), elapsed: () => 0, narrative: { status: 'skipped', reason: 'test' } });
      expect(report.inventory.files.map((f) => [f.path, f.status, f.reason])).toEqual([
        ['c16/profile_export_aiperf.csv', 'skipped', "superseded by c16/profile_export_aiperf.json, which holds the same run's results"],
        ['c16/profile_export_aiperf.json', 'parsed', undefined],
      ]);
      expect(new Set(report.series.map((s) => s.file))).toEqual(new Set(['c16/profile_export_aiperf.json']));
    } finally {
      removeDir(root);
    }
  });
});

describe('AIPerf 0.11 input_config', () => {
  it('reads the model from models.items and the concurrency from the profiling phase, not the warm-up before it', async () => {
    const series = built(await readFixture('genai-perf/aiperf-0.11-layout.json'));
    expect(series[0]?.labels).toEqual({ model: 'qwen3-4b', endpoint_type: 'chat', concurrency: '16', streaming: 'true' });
  });
});
