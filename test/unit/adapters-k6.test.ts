import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_REQUEST_NAMES } from '../../src/parse/adapters/k6-points.js';
import { k6, splitMetricName } from '../../src/parse/adapters/k6.js';
import { parseFile } from '../../src/parse/read-file.js';
import { keys, parsed, series } from '../helpers/series.js';
import { useTempDir } from '../helpers/tmp.js';
import { described, fileAt, one, readTool } from '../helpers/tools.js';

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

describe('k6 --summary-export Rate whose value disagrees with its counts', () => {
  it('reads the pass rate from passes and fails when the stated value contradicts them (k6 documented "value": 0 beside 434 passes), and says so', () => {
    const doc = {
      metrics: {
        checks: { fails: 0, passes: 434, value: 0 },
        http_req_duration: { avg: 146.13, max: 663.81, med: 115.24, min: 104.34, 'p(90)': 204.68, 'p(95)': 205.28 },
      },
    };
    const text = JSON.stringify(doc, null, 2);
    const data = parsed(k6.parse({ path: 'export.json', type: 'json', text, json: doc }));
    expect(series(data, 'checks').summary).toMatchObject({ n: 434, mean: 1, sd: 0 });
    expect(data.problems).toEqual([{ line: 3, reason: 'checks: the stated rate 0 disagrees with its 434 passes and 0 fails; read as 1 from the counts' }]);
  });

  it('keeps a stated rate that agrees with its counts, without a problem', () => {
    const doc = { metrics: { checks: { fails: 6, passes: 515, value: 0.9884836852207294 } } };
    const data = parsed(k6.parse({ path: 'export.json', type: 'json', text: JSON.stringify(doc), json: doc }));
    expect(series(data, 'checks').summary?.mean).toBe(515 / 521);
    expect(data.problems).toEqual([]);
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

/** One k6 `--out json` line, as Go's encoder writes it. */
const declare = (name: string, type: string, contains = 'default') => JSON.stringify({ type: 'Metric', data: { name, type, contains, thresholds: [], submetrics: null }, metric: name });
const point = (metric: string, second: number, value: number, tags: Record<string, string> = {}) =>
  JSON.stringify({ type: 'Point', data: { time: `2024-05-02T10:00:${String(second).padStart(2, '0')}.5Z`, value, tags }, metric });
const readPoints = (lines: string[]) => parsed(k6.parse({ path: 'results.json', type: 'jsonl', text: `${lines.join('\n')}\n` }));

describe('k6 --out json point stream', () => {
  const LOGIN = { scenario: 'default', group: '::login', name: 'POST /login', method: 'POST', status: '200' };
  const ITEMS = { scenario: 'default', name: 'GET /items/:id', method: 'GET' };

  it('reads each metric\'s points into series by scenario, group, request name, method, status and check, with the summary\'s units and directions', async () => {
    const data = parsed(await readTool('k6/points.json'));
    expect(data.adapter).toBe('k6');
    expect(described(data)).toEqual([
      'vus{}  none',
      'vus_max{}  none',
      'http_reqs{scenario=default,group=::login,name=POST /login,method=POST,status=200}  none',
      'http_reqs_rate{scenario=default,group=::login,name=POST /login,method=POST,status=200} /s higher',
      'http_req_duration{scenario=default,group=::login,name=POST /login,method=POST,status=200} ms lower',
      'http_req_blocked{scenario=default,group=::login,name=POST /login,method=POST,status=200} ms lower',
      'http_req_failed{scenario=default,group=::login,name=POST /login,method=POST}  lower',
      'checks{scenario=default,group=::login,check=token issued}  higher',
      'group_duration{scenario=default,group=::login} ms lower',
      'http_reqs{scenario=default,name=GET /items/:id,method=GET,status=200}  none',
      'http_reqs_rate{scenario=default,name=GET /items/:id,method=GET,status=200} /s higher',
      'http_req_duration{scenario=default,name=GET /items/:id,method=GET,status=200} ms lower',
      'http_req_blocked{scenario=default,name=GET /items/:id,method=GET,status=200} ms lower',
      'http_req_failed{scenario=default,name=GET /items/:id,method=GET}  lower',
      'http_reqs{scenario=default,name=GET /items/:id,method=GET,status=404}  none',
      'http_reqs_rate{scenario=default,name=GET /items/:id,method=GET,status=404} /s lower',
      'http_req_duration{scenario=default,name=GET /items/:id,method=GET,status=404} ms lower',
      'http_req_blocked{scenario=default,name=GET /items/:id,method=GET,status=404} ms lower',
      'data_received{scenario=default} B none',
      'data_received_rate{scenario=default} B/s none',
      'iteration_duration{scenario=default} ms lower',
      'iterations{scenario=default}  none',
      'iterations_rate{scenario=default} /s higher',
    ]);
    expect(data.problems).toEqual([]);
  });

  it('reads a trend\'s points as its samples in ms, in file order, with the line of its first point', async () => {
    const duration = series(parsed(await readTool('k6/points.json')), 'http_req_duration', { ...ITEMS, status: '200' });
    expect(duration.samples?.samples).toEqual([95.5, 101.25, 99.25]);
    expect(duration.line).toBe(18);
  });

  it('reads a counter as the total of its points and that total per second over the time the file\'s points span', async () => {
    const data = parsed(await readTool('k6/points.json'));
    expect(series(data, 'http_reqs', { ...ITEMS, status: '200' }).samples?.samples).toEqual([3]);
    // Points from 10:00:00.000123456 to 10:00:10.000123456: 10 s.
    expect(series(data, 'http_reqs_rate', { ...ITEMS, status: '200' }).samples?.samples).toEqual([0.3]);
    expect([series(data, 'data_received', { scenario: 'default' }).samples?.samples, series(data, 'data_received_rate', { scenario: 'default' }).samples?.samples]).toEqual([[36352], [3635.2]]);
  });

  it('reads the request rate of an error status (4xx, 5xx, 0) as lower-better: more of them per second is no load served', async () => {
    const data = parsed(await readTool('k6/points.json'));
    expect([series(data, 'http_reqs_rate', { ...ITEMS, status: '200' }).directionHint, series(data, 'http_reqs_rate', { ...ITEMS, status: '404' }).directionHint]).toEqual(['higher', 'lower']);
  });

  it('reads a Rate as the mean of its 0/1 points, and http_req_failed per request name, not per status that decides it', async () => {
    const data = parsed(await readTool('k6/points.json'));
    expect(series(data, 'http_req_failed', ITEMS).summary).toEqual({ n: 4, mean: 0.25, sd: 0.5 });
    expect(series(data, 'checks', { scenario: 'default', group: '::login', check: 'token issued' }).summary).toEqual({ n: 2, mean: 0.5, sd: Math.sqrt(0.5) });
  });

  it('reads a gauge\'s points as its values over time, with no direction', async () => {
    const vus = one(parsed(await readTool('k6/points.json')), 'vus');
    expect([vus.stats.n, vus.stats.min, vus.stats.max, vus.direction]).toEqual([2, 0, 2, 'none']);
  });

  it('never labels by url, proto, tls_version, expected_response or error_code', async () => {
    const labelNames = new Set(parsed(await readTool('k6/points.json')).series.flatMap((s) => Object.keys(s.labels)));
    expect([...labelNames].sort()).toEqual(['check', 'group', 'method', 'name', 'scenario', 'status']);
  });

  it(`drops the name label, with one problem, when over ${MAX_REQUEST_NAMES} request names are URLs with ids`, () => {
    const lines = [declare('http_req_duration', 'trend', 'time')];
    for (let i = 0; i <= MAX_REQUEST_NAMES; i++) lines.push(point('http_req_duration', 1, 100 + i, { name: `https://shop.test/items/${1000 + i}`, method: 'GET', status: '200' }));
    const data = readPoints(lines);
    expect(keys(data)).toEqual(['http_req_duration{method=GET,status=200}']);
    expect(series(data, 'http_req_duration', { method: 'GET', status: '200' }).samples?.count).toBe(MAX_REQUEST_NAMES + 1);
    expect(data.problems).toEqual([{ line: MAX_REQUEST_NAMES + 2, reason: `over ${MAX_REQUEST_NAMES} distinct request names (k6 names a request by its URL unless the script names it): series are not split by name; name the requests (tags: { name: … }, or http.url\`…\`) to compare them` }]);
  });

  it('reports a line that is not JSON, not a k6 line, or has no numeric value by its line, and reads the rest', () => {
    const data = readPoints([declare('iteration_duration', 'trend', 'time'), '{"type":"Point",', point('iteration_duration', 1, 850), '{"type":"Summary","data":{},"metric":"x"}', point('iteration_duration', 2, Number.NaN), point('iteration_duration', 3, 870)]);
    expect(data.problems).toEqual([
      { line: 2, reason: 'invalid JSON; line skipped' },
      { line: 4, reason: 'not a k6 Metric or Point line; skipped' },
      { line: 5, reason: 'iteration_duration: value is not a number; point skipped' },
    ]);
    expect(series(data, 'iteration_duration').samples?.samples).toEqual([850, 870]);
  });

  it('skips a submetric\'s points, which repeat its parent\'s', () => {
    const data = readPoints([declare('http_req_duration', 'trend', 'time'), point('http_req_duration', 1, 120), point('http_req_duration{expected_response:true}', 1, 120)]);
    expect(keys(data)).toEqual(['http_req_duration']);
  });

  it('reads a built-in metric whose declaration is missing by its known kind', () => {
    const data = readPoints([point('http_reqs', 1, 1), point('http_reqs', 3, 1), point('http_req_duration', 1, 90)]);
    expect(described(data)).toEqual(['http_reqs{}  none', 'http_reqs_rate{} /s higher', 'http_req_duration{} ms lower']);
    expect(series(data, 'http_reqs_rate').samples?.samples).toEqual([1]);
  });

  it('claims a file whose first line is a k6 Metric or Point line, and no other JSONL', () => {
    const claims = (text: string) => k6.detect({ path: 'results.json', type: 'jsonl', text });
    expect(claims(`${declare('vus', 'gauge')}\n`)).toBe(true);
    expect(claims(`${point('vus', 1, 3)}\n`)).toBe(true);
    expect(claims('{"type":"Point","value":3}\n')).toBe(false);
    expect(claims('{"metric":"latency","value":3,"type":"Point"}\n')).toBe(false);
    expect(claims('{"model": "llama", "ttft_ms": 120}\n')).toBe(false);
  });
});

describe('k6 point stream on disk', () => {
  const tmp = useTempDir();

  it('streams a file past max-file-size line by line, under a .json or a .jsonl name', async () => {
    const lines = [declare('http_req_duration', 'trend', 'time')];
    for (let i = 0; i < 12_000; i++) lines.push(point('http_req_duration', i % 60, 100 + (i % 7), { scenario: 'default', name: 'GET /', method: 'GET', status: '200' }));
    for (const name of ['results.json', 'results.jsonl']) {
      const file = path.join(tmp.dir, name);
      writeFileSync(file, `${lines.join('\n')}\n`);
      // Over the one-read size (1 MB), and max-file-size far below it: only a stream reads it.
      const data = parsed(await parseFile(await fileAt(file, name), 1000));
      expect([data.adapter, data.rows], name).toEqual(['k6', 12_000]);
      expect(series(data, 'http_req_duration', { scenario: 'default', name: 'GET /', method: 'GET', status: '200' }).samples?.count, name).toBe(12_000);
    }
  });

  it('streams a point stream past max-file-size when k6 is the forced format too, and refuses a big file that is not one', async () => {
    const lines = [declare('iterations', 'counter')];
    for (let i = 0; i < 12_000; i++) lines.push(point('iterations', i % 60, 1, { scenario: 'default' }));
    const file = path.join(tmp.dir, 'out.json');
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect(series(parsed(await parseFile(await fileAt(file, 'out.json'), 1000, { format: 'k6' })), 'iterations', { scenario: 'default' }).samples?.samples).toEqual([12_000]);
    writeFileSync(file, `{"metrics": {"x": 1}, "pad": "${'x'.repeat(2000)}"}`);
    expect(await parseFile(await fileAt(file, 'out.json'), 1000, { format: 'k6' })).toEqual({ status: 'failed', reason: 'k6: a file past max-file-size is read only as a --out json point stream (its first line a k6 Metric or Point)' });
  });

  it.skipIf(!existsSync('/proc/self/fd'))('closes a big file it refuses by its first line instead of leaving it open', async () => {
    const file = path.join(tmp.dir, 'big.json');
    writeFileSync(file, `{"metrics": {"x": 1}, "pad": "${'x'.repeat(2000)}"}`);
    const before = readdirSync('/proc/self/fd').length;
    for (let i = 0; i < 20; i++) await parseFile(await fileAt(file, 'big.json'), 1000, { format: 'k6' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync('/proc/self/fd').length).toBeLessThan(before + 5);
  });
});


describe('k6 counts that k6 could not have written', () => {
  it('leaves out a Rate whose fails are negative, instead of a pass rate above 1, and says why by line', () => {
    const doc = { metrics: { checks: { fails: -5, passes: 1308, value: 0.99 } } };
    const text = JSON.stringify(doc, null, 2);
    const outcome = k6.parse({ path: 'export.json', type: 'json', text, json: doc });
    expect(outcome).toMatchObject({ status: 'skipped', reason: 'k6: no metric with a value (checks: 1308 passes and -5 fails are not counts; left out)' });
  });

  it('leaves out a Rate whose stated fraction is outside 0..1 when it has no counts', () => {
    const doc = { metrics: { checks: { type: 'rate', contains: 'default', values: { rate: 1.5 } }, http_req_duration: { type: 'trend', contains: 'time', values: { avg: 10, med: 9 } } }, root_group: {} };
    const text = JSON.stringify(doc, null, 2);
    const data = parsed(k6.parse({ path: 'summary.json', type: 'json', text, json: doc }));
    expect(keys(data)).toEqual(['http_req_duration']);
    expect(data.problems).toEqual([{ line: 3, reason: 'checks: the stated rate 1.5 is not a fraction between 0 and 1; left out' }]);
  });

  it('leaves out a check of the group tree with a fractional or negative count, by the line of its name, and keeps the others', () => {
    const doc = {
      metrics: { http_req_duration: { type: 'trend', contains: 'time', values: { avg: 10, med: 9 } } },
      root_group: { name: '', path: '', checks: [{ name: 'status is 200', path: '::status is 200', passes: 99, fails: 1 }, { name: 'body ok', path: '::body ok', passes: 2.5, fails: -1 }] },
    };
    const text = JSON.stringify(doc, null, 2);
    const data = parsed(k6.parse({ path: 'summary.json', type: 'json', text, json: doc }));
    expect(data.series.filter((s) => s.metric === 'checks').map((s) => s.labels.check)).toEqual(['status is 200']);
    expect(data.problems).toEqual([{ line: text.split('\n').findIndex((l) => l.includes('"body ok"')) + 1, reason: 'check body ok: 2.5 passes and -1 fails are not counts; left out' }]);
  });
});

describe('k6 point stream with many tag values', () => {
  const tmp = useTempDir();
  const stream = (scenarios: number) => {
    const lines = [declare('http_req_duration', 'trend', 'time')];
    for (let i = 0; i < scenarios; i++) lines.push(point('http_req_duration', 0, 100, { scenario: `s${i}` }));
    return `${lines.join('\n')}\n`;
  };

  it('reads 15,000 scenarios as 15,000 series: a combination is counted once, not once per way of grouping it', async () => {
    const file = path.join(tmp.dir, 'points.json');
    writeFileSync(file, stream(15_000));
    expect(parsed(await parseFile(await fileAt(file, 'points.json'), 1000)).series).toHaveLength(15_000);
  });

  it('stops at the line of the 20,001st scenario with "too many series"', async () => {
    const file = path.join(tmp.dir, 'points.json');
    writeFileSync(file, stream(1_000_000));
    expect(await parseFile(await fileAt(file, 'points.json'), 1000)).toEqual({ status: 'skipped', line: 20002, reason: 'too many series: over 20,000 metric/label combinations in one file (at line 20002)' });
  });
});
