import { describe, expect, it } from 'vitest';
import { locust } from '../../src/parse/adapters/locust.js';
import { notParsed, parsed, samplesOf } from '../helpers/series.js';
import { described, one, readTool } from '../helpers/tools.js';

const csv = (text: string) => ({ path: 'run_stats.csv', type: 'csv' as const, text });
const ORDERS = { type: 'POST', name: '/api/orders' };

describe('Locust --csv _stats.csv', () => {
  it('reads each endpoint and the Aggregated row: response time in ms, the rates, failures and content size, each with its direction', async () => {
    const data = parsed(await readTool('locust/run_stats.csv'));
    expect(data.adapter).toBe('locust');
    const of = (labels: string) => [
      `response_time{${labels}} ms lower`,
      `average_content_size{${labels}} B none`,
      `requests_per_s{${labels}} req/s higher`,
      `failures_per_s{${labels}} req/s lower`,
      `failure_count{${labels}}  lower`,
    ];
    expect(described(data)).toEqual([...of('type=GET,name=/api/items'), ...of('type=POST,name=/api/orders'), ...of('name=Aggregated')]);
  });

  it('reads the response times as one summary with n = Request Count, the 50% and 100% columns left to the exact median and max', async () => {
    const data = parsed(await readTool('locust/run_stats.csv'));
    const st = one(data, 'response_time', ORDERS).stats;
    expect([st.n, st.mean, st.p50, st.min, st.max, st.p95, st.p99, st.percentiles]).toEqual([
      460, 118.4, 95, 28, 1904, 240, 700, { '66': 110, '75': 130, '80': 140, '90': 180, '98': 390, '99.9': 1900, '99.99': 1900 },
    ]);
  });

  it('reads Requests/s, Failures/s and Failure Count as single values of the run', async () => {
    const data = parsed(await readTool('locust/run_stats.csv'));
    expect(['requests_per_s', 'failures_per_s', 'failure_count'].map((m) => one(data, m, ORDERS).samples)).toEqual([[7.67], [0.38], [23]]);
  });
});

describe('Locust before 1.0 (Method, # requests, Total)', () => {
  it('reads the same series names, the Total row as Aggregated, and no failure rate where the file has none', async () => {
    const data = parsed(await readTool('locust/legacy_stats.csv'));
    expect(described(data)).toEqual([
      'response_time{type=GET,name=/} ms lower',
      'average_content_size{type=GET,name=/} B none',
      'requests_per_s{type=GET,name=/} req/s higher',
      'failure_count{type=GET,name=/}  lower',
      'requests_per_s{type=GET,name=/missing} req/s higher',
      'failure_count{type=GET,name=/missing}  lower',
      'response_time{name=Aggregated} ms lower',
      'average_content_size{name=Aggregated} B none',
      'requests_per_s{name=Aggregated} req/s higher',
      'failure_count{name=Aggregated}  lower',
    ]);
  });

  it('reads no response times for an entry without requests, whose zeros are not measurements, and says so once', async () => {
    const data = parsed(await readTool('locust/legacy_stats.csv'));
    expect(data.problems).toEqual([{ line: 3, reason: 'GET /missing: no requests; its response times are zeros and not read' }]);
  });
});

describe('Locust before 1.0: _distribution.csv', () => {
  it('reads each endpoint and the Total row as a response_time in ms, lower is better, named as in _requests.csv', async () => {
    const data = parsed(await readTool('locust/legacy_distribution.csv'));
    expect(data.adapter).toBe('locust');
    expect(described(data)).toEqual(['response_time{type=GET,name=/} ms lower', 'response_time{name=Aggregated} ms lower']);
  });

  it('reads the percentiles as one summary centred on the 50% column, with n = # requests, 100% as the max and no mean', async () => {
    const st = one(parsed(await readTool('locust/legacy_distribution.csv')), 'response_time', { type: 'GET', name: '/' }).stats;
    expect([st.n, st.center, st.mean, st.p50, st.p95, st.p99, st.max, st.percentiles]).toEqual([
      412, 'median', 38, 38, 90, 180, 310, { '66': 44, '75': 49, '80': 53, '90': 68, '98': 140, '99.9': 300, '99.99': 310 },
    ]);
  });

  it('reads no percentiles for an entry without requests, whose cells are N/A, and says so once', async () => {
    const data = parsed(await readTool('locust/legacy_distribution.csv'));
    expect(data.problems).toEqual([{ line: 3, reason: '/missing: no requests; its percentiles are N/A and not read' }]);
    expect([data.rows, data.excludedRows]).toEqual([3, 0]);
  });

  it('reads the oldest layout: no 99.9% or 99.99% column, and the total written None Total', () => {
    const text = ['"Name","# requests","50%","66%","75%","80%","90%","95%","98%","99%","100%"', '"POST /login",20,120,130,140,150,170,190,200,210,230', '"None Total",20,120,130,140,150,170,190,200,210,230'].join('\n');
    const data = parsed(locust.parse({ ...csv(text), path: 'old_distribution.csv' }));
    expect(data.series.map((s) => [s.labels, s.summary])).toEqual([
      [{ type: 'POST', name: '/login' }, { n: 20, median: 120, max: 230, percentiles: { 66: 130, 75: 140, 80: 150, 90: 170, 95: 190, 98: 200, 99: 210 } }],
      [{ name: 'Aggregated' }, { n: 20, median: 120, max: 230, percentiles: { 66: 130, 75: 140, 80: 150, 90: 170, 95: 190, 98: 200, 99: 210 } }],
    ]);
  });

  it('reports a row without a name in _stats.csv and _distribution.csv alike, and reads the rows after it', () => {
    const stats = [
      'Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s',
      'GET,,3,0,10,11,9,12,100,1.5,0',
      'GET,/a,3,0,10,11,9,12,100,1.5,0',
    ].join('\n');
    const distribution = ['"Name","# requests","50%","66%","100%"', '"",3,10,11,12', '"GET /a",3,10,11,12'].join('\n');
    for (const [text, path] of [[stats, 'run_stats.csv'], [distribution, 'run_distribution.csv']] as const) {
      const data = parsed(locust.parse({ ...csv(text), path }));
      expect(data.problems, path).toEqual([{ line: 2, reason: 'no name; row skipped' }]);
      expect([data.rows, data.excludedRows], path).toEqual([2, 1]);
      const { n, max } = one(data, 'response_time', { type: 'GET', name: '/a' }).stats;
      expect([n, max], path).toEqual([3, 12]);
    }
  });

  it('does not claim another table with a Name, a count and percentage columns', () => {
    for (const text of ['Name,# requests,50%,90%\n/a,3,10,12', '"Name","# requests","50%","share"\n"/a",3,10,x', '"Name","count","50%","100%"\n"/a",3,10,12']) {
      expect(locust.detect(csv(text)), text).toBe(false);
    }
  });
});

describe('Locust --csv _stats_history.csv', () => {
  it('reads Requests/s and Failures/s of each second as samples over time, from the first request on', async () => {
    const data = parsed(await readTool('locust/run_stats_history.csv'));
    expect(described(data)).toEqual(['requests_per_s{name=Aggregated} req/s higher', 'failures_per_s{name=Aggregated} req/s lower']);
    expect(samplesOf(data, 'requests_per_s', { name: 'Aggregated' })).toEqual([7.5, 18.25, 29, 36.8, 38.1]);
    expect(samplesOf(data, 'failures_per_s', { name: 'Aggregated' })).toEqual([0, 0, 0.5, 0.25, 0]);
  });

  it('keeps each endpoint apart with --csv-full-history, and never labels by the user count of a ramp-up', () => {
    const header = 'Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,100%,Total Request Count,Total Failure Count';
    const text = [header, '1700000000,5,GET,/a,2.000000,0.000000,10,20,4,0', '1700000000,5,,Aggregated,2.000000,0.000000,10,20,4,0', '1700000001,10,GET,/a,4.000000,0.000000,11,20,9,0', '1700000001,10,,Aggregated,4.000000,0.000000,11,20,9,0'].join('\n');
    const data = parsed(locust.parse({ ...csv(text), path: 'run_stats_history.csv' }));
    expect(data.series.map((s) => [s.metric, s.labels, samplesOf(s)])).toEqual([
      ['requests_per_s', { type: 'GET', name: '/a' }, [2, 4]],
      ['failures_per_s', { type: 'GET', name: '/a' }, [0, 0]],
      ['requests_per_s', { name: 'Aggregated' }, [2, 4]],
      ['failures_per_s', { name: 'Aggregated' }, [0, 0]],
    ]);
  });
});

describe('Locust --csv _failures.csv and _exceptions.csv', () => {
  it('lists the failures as skipped with their totals: each is already counted in _stats.csv', async () => {
    expect(notParsed(await readTool('locust/run_failures.csv'))).toEqual({
      status: 'skipped',
      reason: "locust failures (2 kinds, 23 occurrences): each is counted in its endpoint's Failure Count and Failures/s in _stats.csv; the error texts are not series",
    });
  });

  it('lists the exceptions as skipped with their totals: errors of the locustfile are not measurements', async () => {
    expect(notParsed(await readTool('locust/run_exceptions.csv'))).toEqual({
      status: 'skipped',
      reason: 'locust exceptions (1 kind, 2 occurrences): errors raised in the locustfile, not measurements',
    });
  });
});

describe('Locust detection', () => {
  it('does not claim ordinary CSVs, even with a Name and a Requests/s column', () => {
    for (const text of [
      'model,ttft_ms,tokens_s\nllama,120,40',
      'Name,Requests/s,p95\n/a,12,40',
      'Timestamp,Name,Requests/s\n1700000000,/a,12',
      'Method,Name,Error\nGET,/a,boom',
    ]) {
      expect(locust.detect(csv(text)), text).toBe(false);
    }
  });

  it('skips a file it is forced on that is not a Locust CSV', () => {
    expect(notParsed(locust.parse(csv('model,latency_ms\nllama,12')))).toEqual({
      status: 'skipped',
      reason: 'not a Locust --csv file: the header must be that of _stats.csv, _stats_history.csv, _distribution.csv, _failures.csv or _exceptions.csv',
    });
  });
});
