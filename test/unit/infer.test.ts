import { describe, expect, it } from 'vitest';
import { bracketUnit, canonicalUnit, inferDirection, inferUnit, isThroughput, normaliseName } from '../../src/metrics/infer.js';

/** Unit and direction together, as buildSeries infers them. */
function infer(metric: string): { unit: string; direction: string; throughput: boolean } {
  const unit = inferUnit(metric);
  const direction = inferDirection(metric, unit);
  return { unit, direction, throughput: isThroughput(direction, unit, metric) };
}

describe('normaliseName', () => {
  it.each([
    ['TTFT (ms)', 'ttft_ms'],
    ['meanTimeMs', 'mean_time_ms'],
    ['tokensPerSecond', 'tokens_per_second'],
    ['evalCount', 'eval_count'],
    ['backends.eager.benchmark.mean_time_ms', 'backends_eager_benchmark_mean_time_ms'],
    ['Mean  TTFT - p99', 'mean_ttft_p99'],
    ['throughput [tok/s]', 'throughput_tok/s'],
    ['__load_s__', 'load_s'],
    ['p95Latency', 'p95_latency'],
    ['tok/s', 'tok/s'],
  ])('%j → %j', (name, normal) => {
    expect(normaliseName(name)).toBe(normal);
  });
});

describe('bracketUnit', () => {
  it.each([
    ['TTFT (ms)', 'ms'],
    ['throughput [tok/s]', 'tok/s'],
    ['Request throughput (req/s)', 'req/s'],
    ['Accuracy (%)', '%'],
    ['Memory (GB)', 'GB'],
    ['ITL (ms/token)', 'ms/token'],
    ['allocs (B/op)', 'B/op'],
    ['Bandwidth (GB/s)', 'GB/s'],
    ['Speedup (x)', 'x'],
    ['Time ( µs )', 'µs'],
    ['eval rate (tokens per second)', 'tokens per second'],
  ])('%j states %j', (name, unit) => {
    expect(bracketUnit(name)).toBe(unit);
  });

  it.each(['ttft_ms', 'Latency (p95)', 'Score (higher is better)', 'model (name)', 'Latency (prefill/decode)', 'TTFT (ms) mean', '(ms) TTFT'])(
    '%j states no unit',
    (name) => {
      expect(bracketUnit(name)).toBeUndefined();
    },
  );
});

describe('canonicalUnit', () => {
  it.each([
    ['tokens/s', 'tok/s'],
    ['Tokens/sec', 'tok/s'],
    ['tokens per second', 'tok/s'],
    ['requests/s', 'req/s'],
    ['milliseconds', 'ms'],
    ['seconds', 's'],
    ['us', 'µs'],
    ['μs', 'µs'],
    ['nanoseconds', 'ns'],
    ['percent', '%'],
    [' GB ', 'GB'],
    ['ms', 'ms'],
  ])('%j → %j', (unit, canonical) => {
    expect(canonicalUnit(unit)).toBe(canonical);
  });

  it('keeps a unit named like a property of every object as it is written (not Object.prototype\'s)', () => {
    // A github-action-benchmark entry with `"unit": "constructor"` once made the unit a function and stopped the run.
    expect(canonicalUnit('constructor')).toBe('constructor');
    expect(canonicalUnit(' Constructor ')).toBe('Constructor');
    expect(canonicalUnit('__proto__')).toBe('__proto__');
  });
});

describe('rates are higher-is-better throughput', () => {
  it.each([
    ['tokens_s', 'tok/s'],
    ['tok/s', 'tok/s'],
    ['tok_s', 'tok/s'],
    ['tokens_per_second', 'tok/s'],
    ['tokens_per_sec', 'tok/s'],
    ['output_tokens_per_s', 'tok/s'],
    ['tps', 'tok/s'],
    ['tokensPerSecond', 'tok/s'],
    ['eval_rate', 'tok/s'],
    ['prompt_eval_rate', 'tok/s'],
    ['output_throughput', 'tok/s'],
    ['Output token throughput (tok/s)', 'tok/s'],
    ['throughput [tokens/s]', 'tok/s'],
    ['Tokens / sec / GPU', 'tok/s'],
    ['tokens/sec/gpu', 'tok/s'],
    ['Model TFLOP / sec / GPU', 'TFLOP/s'],
    ['TFLOP/sec/GPU', 'TFLOP/s'],
    ['TFLOPS/sec', 'TFLOP/s'],
    ['bw_GiB/sec', 'GiB/s'],
    ['kB/sec', 'KB/s'],
    ['Mbit/sec', 'Mbit/s'],
    ['images / sec', '/s'],
    ['requests_per_second', 'req/s'],
    ['request_throughput', 'req/s'],
    ['Request throughput (req/s)', 'req/s'],
    ['rps', 'req/s'],
    ['items_per_second', 'items/s'],
    ['bytes_per_second', 'B/s'],
    ['bits_per_second', 'bit/s'],
    ['sum_sent.bits_per_second', 'bit/s'],
    ['throughput_mbps', 'Mbit/s'],
    ['bandwidth_gbps', 'Gbit/s'],
    ['Mbits/sec', 'Mbit/s'],
    ['read_MBps', 'MB/s'],
    ['bandwidthGBps', 'GB/s'],
    ['copy_GiBps', 'GiB/s'],
    ['write_kBps', 'KB/s'],
    ['Bps', 'B/s'],
    ['throughputMbps', 'Mbit/s'],
    ['mb_per_s', 'MB/s'],
    ['mib_per_s', 'MiB/s'],
    ['bandwidth_gb_s', 'GB/s'],
    ['ops', 'ops/s'],
    ['ops_per_sec', 'ops/s'],
    ['throughput_ops_ms', 'ops/ms'],
    ['ops_per_us', 'ops/µs'],
    ['requests_per_ms', '/ms'],
    ['images_per_second', '/s'],
    ['fps', '/s'],
    ['iterations_per_second', '/s'],
    ['it/s', '/s'],
    ['Decode t/s', 'tok/s'],
  ])('%j → %j, higher', (metric, unit) => {
    expect(infer(metric)).toEqual({ unit, direction: 'higher', throughput: true });
  });

  it('reads a time per millisecond slash as a time, not a rate: latency/ms is in ms', () => {
    expect(infer('latency/ms')).toEqual({ unit: 'ms', direction: 'lower', throughput: false });
    expect(infer('tokens/ms')).toEqual({ unit: '/ms', direction: 'higher', throughput: true });
  });

  it('reads a bare throughput as higher with no unit', () => {
    expect(infer('throughput')).toEqual({ unit: '', direction: 'higher', throughput: true });
  });

  it('reads throughput_per_gpu as throughput', () => {
    expect(infer('throughput_per_gpu')).toEqual({ unit: '', direction: 'higher', throughput: true });
  });
});

describe('durations are lower-is-better', () => {
  it.each([
    ['mean_ms', 'ms'],
    ['mean_time_ms', 'ms'],
    ['meanTimeMs', 'ms'],
    ['backends.eager.benchmark.mean_time_ms', 'ms'],
    ['TTFT (ms)', 'ms'],
    ['Mean TTFT (ms)', 'ms'],
    ['ttftMs', 'ms'],
    ['p95_latency_ms', 'ms'],
    ['latency [ms]', 'ms'],
    ['ms_per_token', 'ms'],
    ['ITL (ms/token)', 'ms/token'],
    ['wall_s', 's'],
    ['Sec/it', 's'],
    ['s/step', 's'],
    ['ttft_s', 's'],
    ['load_s', 's'],
    ['eval_s', 's'],
    ['total_time_s', 's'],
    ['e2e_latency_s', 's'],
    ['sec_per_iter', 's'],
    ['elapsed_seconds', 's'],
    ['Time (μs)', 'µs'],
    ['step_us', 'µs'],
    ['ns/op', 'ns'],
    ['latency', ''],
    ['ttft', ''],
    ['time', ''],
    ['duration', ''],
    ['eval_duration', ''],
    ['load_duration', ''],
    ['time_per_token', ''],
  ])('%j → %j, lower', (metric, unit) => {
    expect(infer(metric)).toEqual({ unit, direction: 'lower', throughput: false });
  });

  it('lets a duration unit beat a higher-is-better word in the name', () => {
    expect(infer('accuracy_eval_time_ms')).toEqual({ unit: 'ms', direction: 'lower', throughput: false });
    expect(infer('score_s')).toEqual({ unit: 's', direction: 'lower', throughput: false });
  });
});

describe('counts and settings have no direction', () => {
  it.each([
    'clocks.mem [MHz]',
    'clocks.sm',
    'acc_stderr',
    'acc_norm_stderr',
    'eval_count',
    'evalCount',
    'n_prompt',
    'prompt_eval_count',
    'tokens',
    'output_tokens',
    'total_tokens',
    'prompt_tokens',
    'tokens_generated',
    'requests',
    'num_samples',
    'seq_len',
    'n_ctx',
    'batch_size',
    'chunk_size',
    'tp_size',
    'world_info.pp_size',
    'world_size',
    'tensor_parallel_size',
    'timestamp',
    'start_time',
    'end_time_ms',
    'created_at',
  ])('%j has no direction', (metric) => {
    expect(inferDirection(metric, inferUnit(metric))).toBe('none');
  });

  it('never reads a token count as a rate', () => {
    for (const metric of ['tokens', 'output_tokens', 'prompt_tokens', 'total_tokens', 'tokens_generated']) {
      expect(infer(metric)).toEqual({ unit: '', direction: 'none', throughput: false });
    }
  });

  it('reads a qualifier in brackets as part of the name, not as the unit', () => {
    expect(infer('Latency (p95)')).toEqual({ unit: '', direction: 'lower', throughput: false });
  });
});

describe('other names', () => {
  it.each([
    ['accuracy', '', 'higher'],
    ['score', '', 'higher'],
    ['success_rate', '', 'higher'],
    ['Speedup (x)', 'x', 'higher'],
    ['error_rate', '', 'lower'],
    ['loss', '', 'lower'],
    ['memory_mb', 'MB', 'lower'],
    ['peak_memory_gb', 'GB', 'lower'],
    ['gpu_mem_mib', 'MiB', 'lower'],
    ['size_bytes', 'B', 'lower'],
    ['cache_hit_pct', '%', 'none'],
    ['Power (W)', 'W', 'none'],
  ])('%j → unit %j, %s', (metric, unit, direction) => {
    expect(infer(metric)).toEqual({ unit, direction, throughput: false });
  });
});

describe('inferDirection with a given unit', () => {
  it('treats a rate unit as higher, whatever the name, unless it counts what went wrong', () => {
    expect(inferDirection('eval', 'tok/s')).toBe('higher');
    expect(inferDirection('latency', 'req/sec')).toBe('higher');
  });

  it('treats a rate of failures as lower: Failures/s, errors_per_s, dropped_per_sec, timeouts/s', () => {
    expect(inferDirection('Failures/s', '/s')).toBe('lower');
    expect(inferDirection('errors_per_s', '/s')).toBe('lower');
    expect(inferDirection('dropped_per_sec', '/s')).toBe('lower');
    expect(inferDirection('timeouts', 'req/s')).toBe('lower');
    expect(inferDirection('requests_per_s', 'req/s')).toBe('higher');
  });

  it('treats a duration unit as lower for a neutral name', () => {
    expect(inferDirection('prompt_eval', 'ns')).toBe('lower');
    expect(inferDirection('TTFT', 'ms')).toBe('lower');
  });

  it('falls back to none', () => {
    expect(inferDirection('gpu_temp', '')).toBe('none');
  });
});

describe('isThroughput', () => {
  it('needs higher-is-better', () => {
    expect(isThroughput('lower', 'tok/s', 'tokens_s')).toBe(false);
    expect(isThroughput('none', 'tok/s', 'tokens_s')).toBe(false);
  });

  it('accepts a rate unit or a throughput name', () => {
    expect(isThroughput('higher', 'tok/s', 'eval')).toBe(true);
    expect(isThroughput('higher', '', 'Request Throughput')).toBe(true);
  });

  it('rejects higher-is-better scores that are not rates', () => {
    expect(isThroughput('higher', '', 'accuracy')).toBe(false);
    expect(isThroughput('higher', '%', 'success_rate')).toBe(false);
  });
});
