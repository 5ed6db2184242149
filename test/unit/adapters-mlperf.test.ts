import { describe, expect, it } from 'vitest';
import { mlperf } from '../../src/parse/adapters/mlperf.js';
import { parsed } from '../helpers/series.js';
import { described, one, readTool } from '../helpers/tools.js';

const LABELS = { sut: 'LlamaServerSUT', scenario: 'Server', mode: 'PerformanceOnly' };

describe('MLPerf LoadGen mlperf_log_summary.txt', () => {
  it('reads the results and additional stats, labelled by SUT, scenario and mode, each result once', async () => {
    const data = parsed(await readTool('mlperf/server-llm/mlperf_log_summary.txt'));
    expect(data.adapter).toBe('mlperf');
    expect(described(data)).toEqual([
      'Completed samples per second{sut=LlamaServerSUT,scenario=Server,mode=PerformanceOnly} /s higher',
      'Completed tokens per second{sut=LlamaServerSUT,scenario=Server,mode=PerformanceOnly} tok/s higher',
      'Scheduled samples per second{sut=LlamaServerSUT,scenario=Server,mode=PerformanceOnly} /s higher',
      'latency_ms{sut=LlamaServerSUT,scenario=Server,mode=PerformanceOnly} ms lower',
      'first_token_latency_ms{sut=LlamaServerSUT,scenario=Server,mode=PerformanceOnly} ms lower',
      'time_to_output_token_ms{sut=LlamaServerSUT,scenario=Server,mode=PerformanceOnly} ms lower',
    ]);
  });

  it('reads each latency block as a summary in ms: min, max, mean, median and the other percentiles', async () => {
    const data = parsed(await readTool('mlperf/server-llm/mlperf_log_summary.txt'));
    const st = one(data, 'first_token_latency_ms', LABELS).stats;
    expect([st.min, st.max, st.mean, st.p50, st.p95, st.p99, st.percentiles]).toEqual([180.2205, 5120.4401, 1450.2213, 1202.114, 3322.901, 4510.225, { '90': 2810.44, '97': 3702.118, '99.9': 5011.002 }]);
  });

  it('says when LoadGen marked the result INVALID, and reads none of the test parameters as results', async () => {
    const data = parsed(await readTool('mlperf/server-llm/mlperf_log_summary.txt'));
    expect(data.problems).toEqual([{ line: 9, reason: 'MLPerf marked this result INVALID: not satisfied: performance constraints' }]);
    expect(data.series.some((s) => /target_qps|min_query_count|ttft_latency/.test(s.metric))).toBe(false);
  });
});

describe('MLPerf SingleStream with token latencies', () => {
  const text = [
    '================================================',
    'MLPerf Results Summary',
    '================================================',
    'SUT name : LlamaSUT',
    'Scenario : SingleStream',
    'Mode     : PerformanceOnly',
    '90th first token percentile latency (ns) : 850000000',
    'Result is : VALID',
    'TTFT Early Stopping Result:',
    ' * Early stopping 90th percentile estimate: 860000000',
    'TPOT Early Stopping Result:',
    ' * Early stopping 90th percentile estimate: 42000000',
    '================================================',
    'Additional Stats',
    '================================================',
    'Mean First Token latency (ns)               : 700000000',
    '50.00 percentile first token latency (ns)   : 690000000',
  ].join('\n');

  it('keeps the TTFT and TPOT early-stopping estimates apart, and reads the first-token percentile into its latency in ms', () => {
    const data = parsed(mlperf.parse({ path: 'mlperf_log_summary.txt', type: 'text', text }));
    expect(data.series.map((s) => [s.metric, s.samples?.samples ?? s.summary])).toEqual([
      ['ttft_early_stopping_p90_latency_ms', [860]],
      ['tpot_early_stopping_p90_latency_ms', [42]],
      ['first_token_latency_ms', { mean: 700, median: 690, percentiles: { 90: 850 } }],
    ]);
  });
});
