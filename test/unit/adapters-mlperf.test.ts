import { describe, expect, it } from 'vitest';
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
    expect(data.problems).toEqual([{ line: 9, reason: 'MLPerf marked this result INVALID: its constraints (min duration, min queries, early stopping) were not all met' }]);
    expect(data.series.some((s) => /target_qps|min_query_count|ttft_latency/.test(s.metric))).toBe(false);
  });
});
