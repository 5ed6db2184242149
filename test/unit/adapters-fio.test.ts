import { describe, expect, it } from 'vitest';
import { fio } from '../../src/parse/adapters/fio.js';
import { keys, parsed, series } from '../helpers/series.js';
import path from 'node:path';
import { parseFile } from '../../src/parse/read-file.js';
import { useTempDir, writeTree } from '../helpers/tmp.js';
import { described, fileAt, one, readTool } from '../helpers/tools.js';

const RANDREAD = { job: 'randread', rw: 'randread', bs: '4k', iodepth: '32', op: 'read' };
const MIXED = { job: 'mixed', rw: 'randrw', bs: '4k', iodepth: '16', numjobs: '2', rwmixread: '70' };

describe('fio --output-format=json', () => {
  it('reads each job and data direction as bandwidth, iops and latencies, and each job\'s CPU use, labelled by the workload', async () => {
    const data = parsed(await readTool('fio/job-file.json'));
    expect(data.adapter).toBe('fio');
    expect(described(data)).toEqual([
      'bandwidth{job=randread,rw=randread,bs=4k,iodepth=32,op=read} B/s higher',
      'iops{job=randread,rw=randread,bs=4k,iodepth=32,op=read} ops/s higher',
      'bandwidth{job=seqwrite,rw=write,bs=1M,iodepth=8,op=write} B/s higher',
      'iops{job=seqwrite,rw=write,bs=1M,iodepth=8,op=write} ops/s higher',
      'slat{job=randread,rw=randread,bs=4k,iodepth=32,op=read} µs lower',
      'clat{job=randread,rw=randread,bs=4k,iodepth=32,op=read} µs lower',
      'lat{job=randread,rw=randread,bs=4k,iodepth=32,op=read} µs lower',
      'slat{job=seqwrite,rw=write,bs=1M,iodepth=8,op=write} µs lower',
      'clat{job=seqwrite,rw=write,bs=1M,iodepth=8,op=write} µs lower',
      'lat{job=seqwrite,rw=write,bs=1M,iodepth=8,op=write} µs lower',
      'usr_cpu{job=randread,rw=randread,bs=4k,iodepth=32} % none',
      'sys_cpu{job=randread,rw=randread,bs=4k,iodepth=32} % none',
      'usr_cpu{job=seqwrite,rw=write,bs=1M,iodepth=8} % none',
      'sys_cpu{job=seqwrite,rw=write,bs=1M,iodepth=8} % none',
    ]);
  });

  it('reads bandwidth in B/s from bw_bytes and iops as fio states them (total I/Os over the runtime), as single values', async () => {
    const data = parsed(await readTool('fio/job-file.json'));
    expect(series(data, 'bandwidth', RANDREAD).samples?.samples).toEqual([212992000]);
    expect(series(data, 'iops', RANDREAD).samples?.samples).toEqual([52000]);
  });

  it('reads clat as a summary in µs: N as n, stddev as sd, the 50th percentile as the median and the others by rank', async () => {
    const st = one(parsed(await readTool('fio/job-file.json')), 'clat', RANDREAD).stats;
    expect([st.n, st.mean, st.sd, st.min, st.max, st.p50, st.p95, st.p99]).toEqual([3120000, 612, 210, 61, 9800, 600, 920, 1200]);
    expect(st.percentiles).toEqual({ '1': 250, '5': 320, '10': 360, '20': 420, '30': 480, '40': 540, '60': 650, '70': 700, '80': 760, '90': 850, '99.5': 1500, '99.9': 2400, '99.95': 3100, '99.99': 6000 });
  });

  it('takes a job\'s own options over the global options, and never labels by engine, size, file or run-to-run counts', async () => {
    const data = parsed(await readTool('fio/job-file.json'));
    expect(series(data, 'bandwidth', { job: 'seqwrite', rw: 'write', bs: '1M', iodepth: '8', op: 'write' }).labels.bs).toBe('1M');
    const labelNames = new Set(data.series.flatMap((s) => Object.keys(s.labels)));
    expect([...labelNames].sort()).toEqual(['bs', 'iodepth', 'job', 'op', 'rw']);
  });

  it('leaves out a direction that moved no bytes: a read-only job\'s all-zero write and trim objects', async () => {
    const data = parsed(await readTool('fio/job-file.json'));
    expect(keys(data).filter((k) => k.includes('job=randread') && /op=(write|trim|sync)/.test(k))).toEqual([]);
  });

  it('reads neither the context switches, faults, depth and latency histograms nor disk_util as series', async () => {
    const data = parsed(await readTool('fio/job-file.json'));
    expect([...new Set(data.series.map((s) => s.metric))].sort()).toEqual(['bandwidth', 'clat', 'iops', 'lat', 'slat', 'sys_cpu', 'usr_cpu']);
  });

  it('adds up the bandwidth and IOPS of numjobs clones reported apart, as group_reporting would state them', async () => {
    const data = parsed(await readTool('fio/numjobs-sync-error.json'));
    expect(series(data, 'bandwidth', { ...MIXED, op: 'read' }).samples?.samples).toEqual([40960000 + 49152000]);
    expect(series(data, 'iops', { ...MIXED, op: 'read' }).samples?.samples).toEqual([22000]);
  });

  it('pools the clones\' latency summaries by n, mean and sd, dropping the percentiles that do not pool', async () => {
    const st = one(parsed(await readTool('fio/numjobs-sync-error.json')), 'clat', { ...MIXED, op: 'read' }).stats;
    expect(st.n).toBe(660000);
    expect(st.mean).toBeCloseTo((300000 * 400 + 360000 * 300) / 660000, 9);
    expect([st.min, st.p50, st.p99]).toEqual([90, null, null]);
  });

  it('reads the sync object\'s fsync latencies as lat with op=sync, and skips a submission latency that counted nothing', async () => {
    const data = parsed(await readTool('fio/numjobs-sync-error.json'));
    const wal = { job: 'wal', rw: 'write', bs: '4k' };
    const st = one(data, 'lat', { ...wal, op: 'sync' }).stats;
    expect([st.n, st.mean, st.sd, st.p50, st.p99]).toEqual([60000, 210, 30, 190, 300]);
    expect(keys(data).filter((k) => k.startsWith('slat{') && k.includes('job=wal'))).toEqual([]);
  });

  it('reports a job that ended with an error and leaves its results out', async () => {
    const data = parsed(await readTool('fio/numjobs-sync-error.json'));
    expect(data.problems).toEqual([{ line: 811, reason: 'job broken ended with error 28; its results are left out' }]);
    expect([data.rows, data.excludedRows]).toEqual([4, 1]);
    expect(keys(data).some((k) => k.includes('job=broken'))).toBe(false);
  });

  it('reads fio 2\'s layout: latencies in µs under clat, bandwidth from bw in KiB/s', () => {
    const text = JSON.stringify({
      'fio version': 'fio-2.2.10',
      jobs: [{
        jobname: 'seqread', error: 0, 'job options': { rw: 'read', bs: '128k' },
        read: { io_bytes: 4194304, bw: 204800, iops: 1600, runtime: 20480, clat: { min: 100, max: 9000, mean: 620.5, stddev: 80.25, N: 32000, percentile: { '50.000000': 600, '99.000000': 900 } } },
        write: { io_bytes: 0, bw: 0, iops: 0, runtime: 0 },
        usr_cpu: 1.5, sys_cpu: 9.75, ctx: 33000,
      }],
    });
    const data = parsed(fio.parse({ path: 'fio.json', type: 'json', text, json: JSON.parse(text) }));
    const labels = { job: 'seqread', rw: 'read', bs: '128k', op: 'read' };
    expect(series(data, 'bandwidth', labels).samples?.samples).toEqual([204800 * 1024]);
    expect(series(data, 'clat', labels).summary).toEqual({ n: 32000, mean: 620.5, sd: 80.25, min: 100, max: 9000, median: 600, percentiles: { 99: 900 } });
  });

  it("reads fio 2.2's latencies, which state no N, as summaries without a sample count, and skips an all-zero block", () => {
    const text = JSON.stringify({
      'fio version': 'fio-2.2.10',
      jobs: [{
        jobname: 'test', error: 0, 'job options': {},
        write: { io_bytes: 4194304, bw: 4096, iops: 32, runtime: 1000, slat: { min: 0, max: 0, mean: 0, stddev: 0 }, clat: { min: 964, max: 261110, mean: 8151.19, stddev: 3262.83, percentile: { '50.000000': 8160 } } },
        read: { io_bytes: 0, bw: 0, iops: 0, runtime: 0 },
      }],
    });
    const data = parsed(fio.parse({ path: 'fio.json', type: 'json', text, json: JSON.parse(text) }));
    expect(series(data, 'clat', { job: 'test', op: 'write' }).summary).toEqual({ mean: 8151.19, sd: 3262.83, min: 964, max: 261110, median: 8160 });
    expect(data.series.some((s) => s.metric === 'slat')).toBe(false);
  });

  it('claims only JSON with "fio version" and a jobs or client_stats list, not other tools\' JSON', async () => {
    const claims = (json: unknown) => fio.detect({ path: 'x.json', type: 'json', text: JSON.stringify(json), json });
    expect(claims({ jobs: [{ jobname: 'a', read: { bw_bytes: 1 } }] })).toBe(false);
    expect(claims({ 'fio version': 'fio-3.36', client_stats: [] })).toBe(true);
    expect(claims({ 'fio version': 'fio-3.36', disk_util: [] })).toBe(false);
    for (const other of ['hyperfine/parameter-scan.json', 'pyperf/timeit.json', 'jmh/jmh-result.json', 'k6/handle-summary.json', 'k6/summary-export.json']) {
      expect(parsed(await readTool(other)).adapter, other).not.toBe('fio');
    }
  });
});

const RANDWRITE = { job: 'randwrite', rw: 'randwrite', bs: '4k', iodepth: '16', numjobs: '2', op: 'write' };

describe('fio JSON saved from stdout with fio\'s messages around it', () => {
  it('reads the JSON that starts at the first line opening with {, after fio\'s note lines', async () => {
    const data = parsed(await readTool('fio/notes-before-json.json'));
    expect(data.adapter).toBe('fio');
    expect(described(data)).toEqual([
      'bandwidth{job=randwrite,rw=randwrite,bs=4k,iodepth=16,numjobs=2,op=write} B/s higher',
      'iops{job=randwrite,rw=randwrite,bs=4k,iodepth=16,numjobs=2,op=write} ops/s higher',
      'clat{job=randwrite,rw=randwrite,bs=4k,iodepth=16,numjobs=2,op=write} µs lower',
      'lat{job=randwrite,rw=randwrite,bs=4k,iodepth=16,numjobs=2,op=write} µs lower',
      'usr_cpu{job=randwrite,rw=randwrite,bs=4k,iodepth=16,numjobs=2} % none',
      'sys_cpu{job=randwrite,rw=randwrite,bs=4k,iodepth=16,numjobs=2} % none',
    ]);
    expect(series(data, 'bandwidth', RANDWRITE).samples?.samples).toEqual([52428800]);
    const st = one(data, 'clat', RANDWRITE).stats;
    expect([st.n, st.mean, st.p50, st.p99]).toEqual([256000, 70.5005, 62.208, 162.816]);
  });

  it('gives series the file\'s line numbers, counting the lines before the JSON', async () => {
    expect(series(parsed(await readTool('fio/notes-before-json.json')), 'bandwidth', RANDWRITE).line).toBe(19);
  });

  it('reports the lines before the JSON and the text after it as not read, by line', async () => {
    expect(parsed(await readTool('fio/notes-before-json.json')).problems).toEqual([
      { line: 1, reason: 'lines 1–2, before fio\'s JSON, are not read; the JSON from line 3 is' },
      { line: 223, reason: 'text after fio\'s JSON, from line 223, is not read' },
    ]);
  });

  it('says a run stopped by a signal covers the run until then', () => {
    const text = `fio: terminating on signal 2\n${JSON.stringify(RUN, null, 2)}\n`;
    const data = parsed(fio.parse({ path: 'fio.json', type: 'jsonl', text }));
    expect(data.problems).toEqual([{ line: 1, reason: 'fio was stopped by signal 2 (line 1): its results cover the run until then' }]);
    expect(series(data, 'bandwidth', { job: 'seq', op: 'read' }).samples?.samples).toEqual([1048576]);
  });

  it('reads the last of the JSON status dumps --status-interval writes, each cumulative, the last the run\'s result', () => {
    const dump = (bw: number) => JSON.stringify({ ...RUN, jobs: [{ ...RUN.jobs[0], read: { ...RUN.jobs[0]?.read, bw_bytes: bw } }] }, null, 1);
    const text = `${dump(1000)}\n${dump(2000)}\n${dump(3000)}\n`;
    const data = parsed(fio.parse({ path: 'fio.json', type: 'jsonl', text }));
    expect(series(data, 'bandwidth', { job: 'seq', op: 'read' }).samples?.samples).toEqual([3000]);
    const thirdAt = text.split('\n').indexOf('{', 1 + text.split('\n').indexOf('{', 1)) + 1;
    expect(data.problems).toEqual([{ line: 1, reason: `2 earlier JSON status dumps (--status-interval, cumulative) not read; the last, from line ${thirdAt}, is the run's result` }]);
  });

  it('claims a file whose JSON with "fio version" opens a line near the start, and no other JSONL or text', () => {
    const claims = (text: string, type: 'jsonl' | 'text' = 'jsonl') => fio.detect({ path: 'fio.json', type, text });
    expect(claims(`note: x\n${JSON.stringify(RUN, null, 2)}`)).toBe(true);
    expect(claims(`fio: terminating on signal 2\n${JSON.stringify(RUN, null, 2)}`, 'text')).toBe(true);
    expect(claims('{"type":"Point","metric":"fio version"}\n{"type":"Point"}')).toBe(false);
    expect(claims('the "fio version" key names the release\n')).toBe(false);
    expect(claims(`${'note: both iodepth >= 1 and synchronous I/O engine are selected, queue depth will be capped at 1\n'.repeat(64)}${JSON.stringify(RUN, null, 2)}`)).toBe(true);
    expect(claims(`${'x'.repeat(17_000)}\n${JSON.stringify(RUN, null, 2)}`)).toBe(false);
  });
});

/** A minimal fio 3 run: one sequential read job. */
const RUN = {
  'fio version': 'fio-3.36',
  jobs: [{ jobname: 'seq', error: 0, 'job options': {}, read: { io_bytes: 10485760, bw_bytes: 1048576, iops: 256, runtime: 10000 } }],
};

describe('fio 2 percentile padding', () => {
  const tmp = useTempDir();

  it('drops fio 2\'s "0.00": 0 padding entries silently: no problem, no 0th percentile', async () => {
    const data = parsed(await readTool('fio/fio2-percentile-padding.json'));
    expect(data.problems).toEqual([]);
    const st = one(data, 'clat', { job: 'randread', op: 'read' }).stats;
    expect([st.n, st.mean, st.min, st.p50, st.p95, st.p99, st.max]).toEqual([null, 287.43, 148, 262, 418, 612, 21480]);
    expect(Object.keys(st.percentiles ?? {})).toEqual(['1', '5', '10', '20', '30', '40', '60', '70', '80', '90', '99.5', '99.9', '99.95', '99.99']);
  });

  it('still reports a real percentile written twice, and leaves both values out', async () => {
    const text = [
      '{ "fio version" : "fio-2.2.10", "jobs" : [ { "jobname" : "r", "error" : 0, "read" : { "io_bytes" : 4096, "bw" : 4, "iops" : 1,',
      '  "clat" : { "min" : 1, "max" : 9, "mean" : 5.0, "stddev" : 1.0, "percentile" : {',
      '    "50.000000" : 5,',
      '    "99.000000" : 8,',
      '    "99.000000" : 9,',
      '    "0.00" : 0,',
      '    "0.00" : 0 } } } } ] }',
    ].join('\n');
    writeTree(tmp.dir, { 'fio.json': text });
    const data = parsed(await parseFile(await fileAt(path.join(tmp.dir, 'fio.json'), 'fio.json'), 1_000_000));
    expect(data.problems).toEqual([{ line: 5, reason: 'key "99.000000" appears twice in one object (first at line 4); JSON keeps only one, so its values are left out' }]);
    expect(one(data, 'clat').stats.percentiles).toBeUndefined();
  });
});

describe('fio --client (client/server): client_stats', () => {
  const A = { host: 'storage-a', job: 'randread', rw: 'randread', bs: '4k', iodepth: '32', op: 'read' };
  const B = { ...A, host: 'storage-b' };
  const ALL = { host: 'All clients', op: 'read' };

  it('reads each server\'s jobs with the same series as jobs, labelled by host first', async () => {
    const data = parsed(await readTool('fio/client-stats.json'));
    expect(data.adapter).toBe('fio');
    expect(described(data).filter((d) => /^(bandwidth|clat|usr_cpu)\{/.test(d))).toEqual([
      'bandwidth{host=storage-a,job=randread,rw=randread,bs=4k,iodepth=32,op=read} B/s higher',
      'bandwidth{host=storage-b,job=randread,rw=randread,bs=4k,iodepth=32,op=read} B/s higher',
      'bandwidth{host=All clients,op=read} B/s higher',
      'clat{host=storage-a,job=randread,rw=randread,bs=4k,iodepth=32,op=read} µs lower',
      'clat{host=storage-b,job=randread,rw=randread,bs=4k,iodepth=32,op=read} µs lower',
      'clat{host=All clients,op=read} µs lower',
      'usr_cpu{host=storage-a,job=randread,rw=randread,bs=4k,iodepth=32} % none',
      'usr_cpu{host=storage-b,job=randread,rw=randread,bs=4k,iodepth=32} % none',
    ]);
    expect([series(data, 'bandwidth', A).samples?.samples, series(data, 'bandwidth', B).samples?.samples]).toEqual([[212992000], [204800000]]);
    expect([one(data, 'clat', A).stats.mean, one(data, 'clat', B).stats.mean]).toEqual([612, 640]);
  });

  it('keeps fio\'s "All clients" sum as its own configuration, host=All clients with no job labels, never added to a client\'s', async () => {
    const data = parsed(await readTool('fio/client-stats.json'));
    expect(series(data, 'bandwidth', ALL).samples?.samples).toEqual([417792000]);
    expect(series(data, 'iops', ALL).samples?.samples).toEqual([102000]);
    const st = one(data, 'clat', ALL).stats;
    expect([st.n, st.mean, st.p99]).toEqual([6120000, 625.725490196, 1236.992]);
    expect(keys(data).filter((k) => k.includes('host=All clients') && k.includes('job='))).toEqual([]);
  });

  it('reads no CPU use for the All clients sum, which adds the servers\' CPU times', async () => {
    const data = parsed(await readTool('fio/client-stats.json'));
    expect(keys(data).filter((k) => k.includes('cpu{host=All clients'))).toEqual([]);
  });
});

describe('fio unified_rw_reporting', () => {
  it('reads the one mixed direction unified_rw_reporting=1 writes, as op=mixed', () => {
    const text = JSON.stringify({
      'fio version': 'fio-3.36',
      'global options': { unified_rw_reporting: '1' },
      jobs: [{ jobname: 'rw', error: 0, 'job options': { rw: 'randrw' }, mixed: { io_bytes: 8388608, bw_bytes: 2097152, iops: 512, runtime: 4000, lat_ns: { min: 900, max: 90000, mean: 1950.5, stddev: 400.25, N: 2048 } } }],
    });
    const data = parsed(fio.parse({ path: 'fio.json', type: 'json', text, json: JSON.parse(text) }));
    expect(keys(data)).toEqual(['bandwidth{job=rw,op=mixed,rw=randrw}', 'iops{job=rw,op=mixed,rw=randrw}', 'lat{job=rw,op=mixed,rw=randrw}']);
    expect(series(data, 'bandwidth', { job: 'rw', rw: 'randrw', op: 'mixed' }).samples?.samples).toEqual([2097152]);
  });
});

describe('fio JSON followed by other text', () => {
  it('reads fio\'s JSON when a later line of other text opens with {, and reports that text as not read', () => {
    const text = `${JSON.stringify(RUN, null, 2)}\n{ not json\n`;
    const data = parsed(fio.parse({ path: 'fio.json', type: 'jsonl', text }));
    const after = text.split('\n').indexOf('{ not json') + 1;
    expect(data.problems).toEqual([{ line: after, reason: `text after fio's JSON, from line ${after}, is not read` }]);
    expect(series(data, 'bandwidth', { job: 'seq', op: 'read' }).samples?.samples).toEqual([1048576]);
  });
});
