import { describe, expect, it } from 'vitest';
import { k6, splitMetricName } from '../../src/parse/adapters/k6.js';
import { keys, parsed, series } from '../helpers/series.js';
import { described, readTool } from '../helpers/tools.js';

const claims = (json: unknown) => k6.detect({ path: 'summary.json', type: 'json', text: JSON.stringify(json), json });

describe('k6 handleSummary JSON', () => {
  it('reads every metric with k6\'s units and directions, submetric tags as labels, and each check of the group tree', async () => {
    const data = parsed(await readTool('k6/handle-summary.json'));
    expect(data.adapter).toBe('k6');
    expect(described(data)).toEqual([
      'checks{}  higher',
      'data_received{} B none',
      'data_received_rate{} B/s none',
      'data_sent{} B none',
      'data_sent_rate{} B/s none',
      'http_req_blocked{} ms lower',
      'http_req_duration{} ms lower',
      'http_req_duration{expected_response=true} ms lower',
      'http_req_duration{name=login,method=POST} ms lower',
      'http_req_failed{}  lower',
      'http_reqs{}  none',
      'http_reqs_rate{} /s higher',
      'iteration_duration{} ms lower',
      'iterations{}  none',
      'iterations_rate{} /s higher',
      'login_errors{}  lower',
      'login_errors_rate{} /s lower',
      'queue_depth{}  none',
      'cart_items{}  none',
      'vus{}  none',
      'vus_max{}  none',
      'checks{check=status is 200}  higher',
      'checks{group=::login,check=token issued}  higher',
    ]);
  });

  it('reads a trend as one summary in ms: avg as the mean, med as the median, min, max and each p(N) by rank', async () => {
    const duration = series(parsed(await readTool('k6/handle-summary.json')), 'http_req_duration');
    expect(duration.summary).toEqual({ mean: 142.6, median: 131.4, min: 98.1, max: 1204.7, percentiles: { 90: 188.2, 95: 231.9, 99: 602.3 } });
    expect([duration.unitHint, duration.directionHint]).toEqual(['ms', 'lower']);
  });

  it('reads a Rate as the mean of its 0/1 values: n = passes + fails, sd from the fraction; http_req_failed\'s passes are the failed requests', async () => {
    const data = parsed(await readTool('k6/handle-summary.json'));
    const failed = series(data, 'http_req_failed');
    expect(failed.directionHint).toBe('lower');
    expect(failed.summary?.n).toBe(1200);
    expect(failed.summary?.mean).toBeCloseTo(10 / 1200, 12);
    expect(failed.summary?.sd).toBeCloseTo(Math.sqrt(((10 / 1200) * (1190 / 1200) * 1200) / 1199), 12);
  });

  it('reads a counter as its total with no direction and its rate per second, higher for requests and iterations', async () => {
    const data = parsed(await readTool('k6/handle-summary.json'));
    expect([series(data, 'http_reqs').samples?.samples, series(data, 'http_reqs_rate').samples?.samples]).toEqual([[1200], [19.99583]]);
    expect([series(data, 'http_reqs').directionHint, series(data, 'http_reqs_rate').directionHint]).toEqual(['none', 'higher']);
  });

  it('reads a gauge as its value, with no direction', async () => {
    const vus = series(parsed(await readTool('k6/handle-summary.json')), 'vus_max');
    expect([vus.samples?.samples, vus.directionHint]).toEqual([[20], 'none']);
  });

  it('reads a custom trend that does not contain time without a unit and without a direction', async () => {
    const items = series(parsed(await readTool('k6/handle-summary.json')), 'cart_items');
    expect([items.unitHint, items.directionHint, items.summary?.mean, items.summary?.median]).toEqual(['', 'none', 2.4, 2]);
  });

  it('reads each check under root_group as a pass rate labelled check and, below the root, group', async () => {
    const data = parsed(await readTool('k6/handle-summary.json'));
    const s = series(data, 'checks', { group: '::login', check: 'token issued' });
    expect([s.summary?.n, s.summary?.mean]).toEqual([120, 118 / 120]);
  });

  it('reports each failed threshold with the line of its metric', async () => {
    const data = parsed(await readTool('k6/handle-summary.json'));
    expect(data.problems).toEqual([{ line: 89, reason: 'threshold "p(95)<200" on http_req_duration failed' }]);
  });

  it('does not count a check twice when a checks{check:…} submetric already holds it', () => {
    const json = {
      root_group: { path: '', groups: [], checks: [{ name: 'ok', path: '::ok', passes: 9, fails: 1 }] },
      metrics: { 'checks{check:ok}': { type: 'rate', contains: 'default', values: { rate: 0.9, passes: 9, fails: 1 } } },
    };
    const data = parsed(k6.parse({ path: 'summary.json', type: 'json', text: JSON.stringify(json), json }));
    expect(keys(data)).toEqual(['checks{check=ok}']);
  });
});

describe('k6 --summary-export (older layout)', () => {
  it('reads the statistics held directly by each metric, built-in durations in ms', async () => {
    const data = parsed(await readTool('k6/summary-export.json'));
    expect(data.adapter).toBe('k6');
    expect(described(data)).toEqual([
      'checks{}  higher',
      'data_received{} B none',
      'data_received_rate{} B/s none',
      'http_req_duration{} ms lower',
      'http_req_failed{}  lower',
      'http_req_waiting{} ms lower',
      'http_reqs{}  none',
      'http_reqs_rate{} /s higher',
      'iterations{}  none',
      'iterations_rate{} /s higher',
      'vus{}  none',
      'checks{check=status is 200}  higher',
    ]);
  });

  it('reads a Rate\'s fraction from value, and a threshold marked true as failed (the export\'s inverted boolean)', async () => {
    const data = parsed(await readTool('k6/summary-export.json'));
    expect(series(data, 'http_req_failed').summary?.mean).toBe(0.006666666666666667);
    expect(data.problems).toEqual([{ line: 38, reason: 'threshold "rate<0.001" on http_req_failed failed' }]);
  });
});

describe('k6 detection', () => {
  it('splits a submetric name into the metric and its tags, a tag value keeping its colons', () => {
    expect(splitMetricName('http_req_duration{name:https://example.test/api,method:GET}')).toEqual({ name: 'http_req_duration', tags: { name: 'https://example.test/api', method: 'GET' } });
  });

  it('claims a metrics object of k6 metrics, and neither other metrics objects nor other tools\' JSON', async () => {
    expect(claims({ metrics: { http_reqs: { count: 3, rate: 1.5 } } })).toBe(true);
    expect(claims({ metrics: { accuracy: 0.91, loss: 0.2 }, state: {} })).toBe(false);
    expect(claims({ metrics: { my_counter: { count: 3, rate: 1.5 } } })).toBe(false);
    for (const other of ['fio/job-file.json', 'hyperfine/parameter-scan.json', 'pyperf/timeit.json', 'bencher/bmf.json', 'google-benchmark/repetitions.json']) {
      expect(parsed(await readTool(other)).adapter, other).not.toBe('k6');
    }
  });
});
