import { cpSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfig, DEFAULT_IGNORE, DEFAULT_PATTERNS } from '../../src/config.js';
import { discoverFiles } from '../../src/discover/discover.js';
import { buildSeries, compileMetricRules } from '../../src/metrics/build.js';
import { formatNames, formatResolver } from '../../src/parse/adapters/registry.js';
import { parseFile } from '../../src/parse/read-file.js';
import { notParsed, parsed } from '../helpers/series.js';
import { makeTempDir, removeDir, writeTree } from '../helpers/tmp.js';
import { TOOL_FIXTURES, fileAt, one, readTool } from '../helpers/tools.js';

const configFrom = (format: string) => buildConfig((name) => (name === 'format' ? format : ''), { workspace: '/ws', defaultOutputDir: undefined });

describe('format input', () => {
  it('defaults to auto: no forced formats', () => {
    expect(configFrom('').formats).toEqual([]);
    expect(configFrom('auto').formats).toEqual([]);
  });

  it('reads glob: format entries, later entries winning for a path both match', () => {
    const config = configFrom('results/*.json: hyperfine\nresults/legacy.json: generic');
    expect(config.formats).toEqual([
      { pattern: 'results/*.json', value: 'hyperfine' },
      { pattern: 'results/legacy.json', value: 'generic' },
    ]);
    const formatFor = formatResolver(config.formats);
    expect(formatFor('results/run1.json')).toBe('hyperfine');
    expect(formatFor('results/legacy.json')).toBe('generic');
    expect(formatFor('results/deep/run1.json')).toBeUndefined();
    expect(formatFor('other/run1.json')).toBeUndefined();
  });

  it('matches ** across folders and a bare file glob by file name', () => {
    const formatFor = formatResolver([
      { pattern: '**/bench-*.txt', value: 'go-bench' },
      { pattern: '*.out', value: 'cargo-bench' },
    ]);
    expect(formatFor('bench-linux.txt')).toBe('go-bench');
    expect(formatFor('a/b/bench-linux.txt')).toBe('go-bench');
    expect(formatFor('deep/dir/run.out')).toBe('cargo-bench');
  });

  it('rejects an unknown format and lists the valid ones', () => {
    expect(() => configFrom('*.json: hyperfin')).toThrow(`Input 'format': unknown format "hyperfin" in "*.json: hyperfin"; valid formats: ${formatNames().join(', ')}`);
  });

  it('rejects an entry without a glob', () => {
    expect(() => configFrom('hyperfine')).toThrow(`Input 'format': "hyperfine" must be "auto" or look like "glob: format", e.g. "results/*.json: hyperfine"`);
  });

  it('lists auto, generic and every tool adapter as valid formats', () => {
    expect(formatNames().slice(0, 10)).toEqual([
      'auto', 'generic', 'pytest-benchmark', 'google-benchmark', 'hyperfine', 'criterion', 'github-action-benchmark', 'jmh', 'pyperf', 'fio',
    ]);
  });

  it('forces an adapter on a file detection would leave to the generic parser, and the generic parser on a tool file', async () => {
    const forced = parsed(await readTool('go-bench/single-proc.txt', 'go-bench'));
    expect(forced.adapter).toBe('go-bench');
    const generic = await readTool('hyperfine/old-summary.json', 'generic');
    expect(parsed(generic).adapter).toBe('json');
  });

  it('says which format failed when a forced adapter cannot read the file', async () => {
    expect(notParsed(await readTool('hyperfine/old-summary.json', 'go-bench'))).toEqual({ status: 'skipped', reason: 'go-bench: no benchmark result lines' });
  });
});

describe('detection over a mixed results folder', () => {
  let root: string;

  beforeAll(() => {
    root = makeTempDir('chimera-adapters-');
    cpSync(TOOL_FIXTURES, path.join(root, 'tools'), { recursive: true });
    writeTree(root, {
      'generic/latency.csv': 'model,ttft_ms,tokens_s\nllama,120,40\nllama,130,41\n',
      'generic/records.json': '[{"name": "small", "latency_ms": 12.5}, {"name": "large", "latency_ms": 30.2}]',
      'generic/bench-like.json': '{"benchmarks": [{"name": "a", "score": 1}, {"name": "b", "score": 2}]}',
      'web/app.js': 'console.log("not data")',
    });
  });

  afterAll(() => removeDir(root));

  it('sends each tool file to its adapter and generic CSV/JSON to the generic parsers', async () => {
    const files = await discoverFiles({ workspace: root, root, patterns: DEFAULT_PATTERNS, ignore: DEFAULT_IGNORE });
    const landed: Record<string, string> = {};
    for (const f of files) {
      const outcome = await parseFile(f, 50_000_000);
      landed[f.path] = outcome.status === 'parsed' ? outcome.adapter : `${outcome.status}`;
    }
    const general = Object.fromEntries(Object.entries(landed).filter(([p]) => !/tools\/(genai-perf|guidellm|inference-benchmarker|llama-bench|llmperf|ollama|trtllm-bench|vllm|lm-eval)\//.test(p)));
    expect(general).toEqual({
      'generic/bench-like.json': 'json',
      'generic/latency.csv': 'csv',
      'generic/records.json': 'json',
      'tools/bencher/bmf.json': 'bencher',
      'tools/benchmarkdotnet/BenchmarkDotNet.Artifacts/results/Acme.Collections.ListBench-report-github.md': 'benchmarkdotnet',
      'tools/benchmarkdotnet/BenchmarkDotNet.Artifacts/results/Acme.Text.ParserBench-report-full.json': 'benchmarkdotnet',
      'tools/benchmarkdotnet/BenchmarkDotNet.Artifacts/results/Acme.Text.ParserBench-report.csv': 'benchmarkdotnet',
      'tools/benchmarkdotnet/de-culture/BenchmarkDotNet.Artifacts/results/Acme.Hashing.HashBench-report.csv': 'benchmarkdotnet',
      'tools/cargo-bench/criterion-report.txt': 'cargo-bench',
      'tools/cargo-bench/libtest.txt': 'cargo-bench',
      'tools/cargo-bench/two-targets.txt': 'cargo-bench',
      'tools/criterion/old-0.2/target/criterion/fib/new/estimates.json': 'criterion',
      'tools/criterion/old-0.2/target/criterion/fib/new/sample.json': 'criterion',
      'tools/criterion/target/criterion/parse/json/base/estimates.json': 'skipped',
      'tools/criterion/target/criterion/parse/json/base/raw.csv': 'skipped',
      'tools/criterion/target/criterion/parse/json/change/estimates.json': 'skipped',
      'tools/criterion/target/criterion/parse/json/main/estimates.json': 'skipped',
      'tools/criterion/target/criterion/parse/json/main/sample.json': 'skipped',
      'tools/criterion/target/criterion/parse/json/new/benchmark.json': 'skipped',
      'tools/criterion/target/criterion/parse/json/new/estimates.json': 'criterion',
      'tools/criterion/target/criterion/parse/json/new/raw.csv': 'skipped',
      'tools/criterion/target/criterion/parse/json/new/sample.json': 'criterion',
      'tools/criterion/target/criterion/parse/json/new/tukey.json': 'skipped',
      'tools/fio/client-stats.json': 'fio',
      'tools/fio/fio2-percentile-padding.json': 'fio',
      'tools/fio/job-file.json': 'fio',
      'tools/fio/notes-before-json.json': 'fio',
      'tools/fio/numjobs-sync-error.json': 'fio',
      'tools/github-action-benchmark/chart-data.js': 'skipped',
      'tools/github-action-benchmark/custom.json': 'github-action-benchmark',
      'tools/github-action-benchmark/data.js': 'github-action-benchmark',
      'tools/github-action-benchmark/go-cpu-data.js': 'github-action-benchmark',
      'tools/github-action-benchmark/googlecpp-repetitions-data.js': 'github-action-benchmark',
      'tools/github-action-benchmark/jmh-data.js': 'github-action-benchmark',
      'tools/github-action-benchmark/not-custom.json': 'json',
      'tools/go-bench/before-after.md': 'go-bench',
      'tools/go-bench/count3-two-packages.txt': 'go-bench',
      'tools/go-bench/cpu-list.txt': 'go-bench',
      'tools/go-bench/notes.txt': 'text',
      'tools/go-bench/single-proc.txt': 'go-bench',
      'tools/go-bench/stdout-between.txt': 'go-bench',
      'tools/go-bench/test2json.json': 'go-bench',
      'tools/go-bench/test2json.log': 'go-bench',
      'tools/go-bench/test2json-stdout-between.json': 'go-bench',
      'tools/google-benchmark/aggregates-only.json': 'google-benchmark',
      'tools/google-benchmark/aggregates.csv': 'google-benchmark',
      'tools/google-benchmark/all-errors.json': 'skipped',
      'tools/google-benchmark/console-two-builds.txt': 'google-benchmark',
      'tools/google-benchmark/console.txt': 'google-benchmark',
      'tools/google-benchmark/mixed-units.csv': 'google-benchmark',
      'tools/google-benchmark/no-benchmarks.json': 'skipped',
      'tools/google-benchmark/non-finite.json': 'google-benchmark',
      'tools/google-benchmark/old-format.json': 'google-benchmark',
      'tools/google-benchmark/repetitions.json': 'google-benchmark',
      'tools/google-benchmark/rms-named.json': 'google-benchmark',
      'tools/google-benchmark/skipped.json': 'google-benchmark',
      'tools/hyperfine/export-quoted.csv': 'hyperfine',
      'tools/hyperfine/export.csv': 'hyperfine',
      'tools/hyperfine/export.md': 'hyperfine',
      'tools/hyperfine/old-summary.json': 'hyperfine',
      'tools/hyperfine/own-table.md': 'markdown',
      'tools/hyperfine/parameter-scan.json': 'hyperfine',
      // A test that failed (connection refused) is recognised, then skipped with iperf3's error.
      'tools/iperf3/connection-refused.json': 'skipped',
      'tools/iperf3/tcp-4-streams.json': 'iperf3',
      'tools/iperf3/udp-1g.json': 'iperf3',
      'tools/jmh/jmh-result.json': 'jmh',
      'tools/jmh/malformed.json': 'jmh',
      'tools/jmh/no-raw-data.json': 'jmh',
      'tools/jmh/sample-mode.json': 'jmh',
      'tools/k6/handle-summary.json': 'k6',
      'tools/k6/points.json': 'k6',
      'tools/k6/summary-export.json': 'k6',
      'tools/locust/legacy_distribution.csv': 'locust',
      'tools/locust/legacy_stats.csv': 'locust',
      'tools/locust/run_exceptions.csv': 'skipped',
      'tools/locust/run_failures.csv': 'skipped',
      'tools/locust/run_stats.csv': 'locust',
      'tools/locust/run_stats_history.csv': 'locust',
      'tools/mlperf/server-llm/mlperf_log_summary.txt': 'mlperf',
      'tools/nccl-tests/all-gather-old.txt': 'nccl-tests',
      'tools/nccl-tests/all-reduce.txt': 'nccl-tests',
      'tools/nvidia-smi/compute-apps.csv': 'nvidia-smi',
      'tools/nvidia-smi/gpu-noheader.csv': 'skipped',
      'tools/nvidia-smi/gpu-nounits.csv': 'nvidia-smi',
      'tools/nvidia-smi/gpu-units.csv': 'nvidia-smi',
      'tools/optimum-benchmark/bert-energy/benchmark_report.json': 'optimum-benchmark',
      'tools/optimum-benchmark/llama-bnb-int8/benchmark.json': 'optimum-benchmark',
      // The run's settings alone; the analysis skips it by its name (a *config.json), as any tool config.
      'tools/optimum-benchmark/llama-bnb-int8/benchmark_config.json': 'json',
      // Read here file by file; in an analysis benchmark.json beside it stands for it.
      'tools/optimum-benchmark/llama-bnb-int8/benchmark_report.json': 'optimum-benchmark',
      'tools/pyperf/malformed.json': 'pyperf',
      'tools/pyperf/pyperformance.json': 'pyperf',
      'tools/pyperf/timeit.json': 'pyperf',
      'tools/pyperf/track-memory.json': 'pyperf',
      'tools/pytest-benchmark/malformed.json': 'pytest-benchmark',
      'tools/pytest-benchmark/saved-data.json': 'pytest-benchmark',
      'tools/pytest-benchmark/same-name-two-modules.json': 'pytest-benchmark',
      'tools/pytest-benchmark/summary-only.json': 'pytest-benchmark',
      'tools/pytest-benchmark/unserializable-params.json': 'pytest-benchmark',
    });
    expect(files.some((f) => f.path === 'web/app.js')).toBe(false);
  });

  it('sniffs a large CSV from its head and still streams it through the generic parser', async () => {
    const big = path.join(root, 'big.csv');
    const rows = Array.from({ length: 120_000 }, (_, i) => `${i % 2 ? 'alpha' : 'beta'},${(i % 1000) + 0.25}`);
    writeFileSync(big, `config,latency_ms\n${rows.join('\n')}\n`);
    // Past the one-read size (1 MB), with max-file-size far below it: only a stream can read it.
    expect(statSync(big).size).toBeGreaterThan(1_000_000);
    const data = parsed(await parseFile(await fileAt(big, 'big.csv'), 1000));
    expect(data.adapter).toBe('csv');
    expect(data.rows).toBe(120_000);
  });
});

describe('directions stated by a tool', () => {
  it("beat inference from the name, and the directions input beats them", async () => {
    const data = parsed(await readTool('go-bench/count3-two-packages.txt'));
    expect(one(data, 'MB/s', { pkg: 'example.org/codec' }).direction).toBe('higher');
    const raw = data.series.find((s) => s.metric === 'MB/s');
    const rules = compileMetricRules({ directions: [{ pattern: 'MB/s', value: 'lower' }], units: [], metrics: { include: [], exclude: [] } });
    const overridden = raw && buildSeries(raw, 'bench.txt', rules);
    expect([overridden?.direction, overridden?.directionSource]).toEqual(['lower', 'override']);
  });
});
