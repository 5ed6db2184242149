import { describe, expect, it } from 'vitest';
import { labelKey, normaliseRunPath, normaliseTimestamps, replicatePath, seriesId, timestampsIn } from '../../src/metrics/identity.js';

describe('normaliseTimestamps', () => {
  it.each([
    ['runs/20251002-151204/x.csv', 'runs/<ts>/x.csv'],
    ['bench_20251002-170837.json', 'bench_<ts>.json'],
    ['ascii_demo_20251004_143244.json', 'ascii_demo_<ts>.json'],
    ['2025-10-02T17:08:37Z', '<ts>'],
    ['lessons_20251002.md', 'lessons_<ts>.md'],
    ['runs/2025-10-02T17:08:37.123Z/summary.json', 'runs/<ts>/summary.json'],
    ['runs/2025-10-02_17-08-37/summary.json', 'runs/<ts>/summary.json'],
    ['runs/2025-10-02 170837/x.csv', 'runs/<ts>/x.csv'],
    ['reports/2025-10-02/latency.csv', 'reports/<ts>/latency.csv'],
    ['runs/20251002T151204/x.csv', 'runs/<ts>/x.csv'],
    ['bench-1759417924.json', 'bench-<ts>.json'],
    ['bench-1759417924123.json', 'bench-<ts>.json'],
  ])('%s → %s', (file, normal) => {
    expect(normaliseTimestamps(file)).toBe(normal);
  });

  it('gives two runs of the same benchmark the same name', () => {
    expect(normaliseTimestamps('runs/20251002-151204/x.csv')).toBe(normaliseTimestamps('runs/20251003-090000/x.csv'));
    expect(normaliseTimestamps('bench_20251002-170837.json')).toBe(normaliseTimestamps('bench_20251105-081500.json'));
  });

  it.each(['results/run.csv', 'llama3-8b/run_1.csv', 'results/v2/batch_64.json', 'n_100000/x.csv', 'port_8080.json', 'id_123456789.json'])(
    'leaves %s alone',
    (file) => {
      expect(normaliseTimestamps(file)).toBe(file);
    },
  );

  it('normalises every timestamp in a path', () => {
    expect(normaliseTimestamps('2025-10-01/run_20251001-120000.csv')).toBe('<ts>/run_<ts>.csv');
  });
});

describe('labelKey', () => {
  it('is empty without labels', () => {
    expect(labelKey({})).toBe('');
  });

  it('lists labels sorted by name', () => {
    expect(labelKey({ model: 'llama3', backend: 'cuda', config: 'q4' })).toBe('{backend=cuda,config=q4,model=llama3}');
  });

  it('does not depend on insertion order', () => {
    expect(labelKey({ b: '2', a: '1' })).toBe(labelKey({ a: '1', b: '2' }));
  });

  it('orders names by UTF-16 code unit, as sort() does, for a few names and for many', () => {
    expect(labelKey({ b: '1', B: '2', _: '3', a: '4', '10': '5', '9': '6' })).toBe('{10=5,9=6,B=2,_=3,a=4,b=1}');
    const many = Object.fromEntries(['k', 'j', 'i', 'h', 'g', 'f', 'e', 'd', 'c', 'b', 'a'].map((k) => [k, k.toUpperCase()]));
    expect(labelKey(many)).toBe('{a=A,b=B,c=C,d=D,e=E,f=F,g=G,h=H,i=I,j=J,k=K}');
  });
});

describe('seriesId', () => {
  it('joins the normalised path, the metric and the sorted labels', () => {
    expect(seriesId('runs/20251002-151204/x.csv', 'tokens_s', { model: 'llama3', backend: 'cuda' })).toBe(
      'runs/<ts>/x.csv::tokens_s{backend=cuda,model=llama3}',
    );
  });

  it('is path::metric without labels', () => {
    expect(seriesId('results/summary.json', 'backends.eager.benchmark.mean_time_ms', {})).toBe(
      'results/summary.json::backends.eager.benchmark.mean_time_ms',
    );
  });

  it('is stable across runs of the same benchmark', () => {
    const labels = { model: 'qwen2.5:7b' };
    expect(seriesId('bench_20251002-170837.json', 'ttft_ms', labels)).toBe(seriesId('bench_20251003-101010.json', 'ttft_ms', labels));
  });

  it('differs by label value', () => {
    expect(seriesId('r.csv', 'tokens_s', { model: 'a' })).not.toBe(seriesId('r.csv', 'tokens_s', { model: 'b' }));
  });
});

describe('seriesId of BenchmarkDotNet exports', () => {
  const RESULTS = 'BenchmarkDotNet.Artifacts/results/Acme.Text.ParserBench';
  const labels = { method: 'Parse', type: 'ParserBench', N: '100' };

  it.each(['-report-full.json', '-report-brief.json', '-report-full-compressed.json', '-report-brief-compressed.json', '-report-github.md', '-report-default.md', '-report-stackoverflow.md', '-report-atlassian.md'])(
    'names the %s export of a class by the CSV report, so the same case has one id whichever export was kept',
    (suffix) => {
      expect(seriesId(`${RESULTS}${suffix}`, 'time', labels)).toBe('BenchmarkDotNet.Artifacts/results/Acme.Text.ParserBench-report.csv::time{N=100,method=Parse,type=ParserBench}');
    },
  );

  it.each(['results/perf-report.csv', 'results/perf-report.json', 'docs/release-report-notes.md', 'results/perf-report-github.json'])('leaves %s as it is', (file) => {
    expect(seriesId(file, 'time', {})).toBe(`${file}::time`);
  });
});

describe('replicatePath', () => {
  it.each([
    ['exp/a/run_1/summary.json', 'exp/a/run_<n>/summary.json', ['1']],
    ['exp/a/run-02/summary.json', 'exp/a/run-<n>/summary.json', ['02']],
    ['bench_rep3.json', 'bench_rep<n>.json', ['3']],
    ['trial_4/results.csv', 'trial_<n>/results.csv', ['4']],
    ['seed_5.json', 'seed_<n>.json', ['5']],
    ['iter7/latency.json', 'iter<n>/latency.json', ['7']],
    ['repeat-2/x.json', 'repeat-<n>/x.json', ['2']],
    ['attempt3.json', 'attempt<n>.json', ['3']],
    ['qwen3_run_01.csv', 'qwen3_run_<n>.csv', ['01']],
    ['r1/summary.json', 'r<n>/summary.json', ['1']],
    ['out/R2.json', 'out/R<n>.json', ['2']],
    ['bench/runs/3/summary.json', 'bench/runs/<n>/summary.json', ['3']],
    ['trials/02/x.json', 'trials/<n>/x.json', ['02']],
    ['seeds/1/summary.json', 'seeds/<n>/summary.json', ['1']],
    ['bench.run1.json', 'bench.run<n>.json', ['1']],
  ])('finds the run index in %s', (file, normalised, written) => {
    expect(replicatePath(file)).toEqual({ normalised, indices: written.map(Number), written });
  });

  it('keeps a numbered folder that is not under a runs folder', () => {
    expect(replicatePath('bench/3/summary.json').indices).toEqual([]);
  });

  it('lists every index of a path in path order, folders first', () => {
    expect(replicatePath('exp/run_1/rep_2.json')).toEqual({ normalised: 'exp/run_<n>/rep_<n>.json', indices: [1, 2], written: ['1', '2'] });
  });

  it('reads the numeric value of a zero-padded index and keeps how it is written', () => {
    expect(replicatePath('exp/run_007/x.json')).toMatchObject({ indices: [7], written: ['007'] });
  });

  it.each(['llama3/summary.json', 'conv3/x.json', 'results/run.csv', 'runs.csv', 'gpt2-run.json', 'model-iter10000.json', 'runs/12345/x.json'])(
    'finds no run index in %s',
    (file) => {
      expect(replicatePath(file)).toEqual({ normalised: file, indices: [], written: [] });
    },
  );

  it.each(['bench/deepseek-r1/summary.json', 'models/deepseek_r1_8b.csv', 'r1-1776.json', 'resnet_r50.json'])('keeps the r1 of a model name such as %s', (file) => {
    expect(replicatePath(file)).toEqual({ normalised: file, indices: [], written: [] });
  });

  it('still reads the run folders below a model named like deepseek-r1', () => {
    expect(replicatePath('bench/deepseek-r1/run_2/summary.json')).toEqual({ normalised: 'bench/deepseek-r1/run_<n>/summary.json', indices: [2], written: ['2'] });
  });
});

describe('normaliseRunPath', () => {
  it('normalises timestamps and run indices together', () => {
    expect(normaliseRunPath('runs/20251002-151204/run_3/summary.json')).toBe('runs/<ts>/run_<n>/summary.json');
  });

  it('gives every run of one benchmark the same path', () => {
    expect(normaliseRunPath('exp/a/run_1/summary.json')).toBe(normaliseRunPath('exp/a/run_5/summary.json'));
  });

  // Worked out folder by folder (each folder name once); the answer must be the whole path's.
  const tricky = [
    'summary.json',
    '20251002-151204.json',
    'runs/1/20251002/result_1700000000.csv',
    'runs/2/20251002/result_1700000000123.csv',
    'trials/02/r3/out.json',
    'r1/r2.json',
    'a/2025-10-02T15:12:04Z/b/2025-10-02.md',
    'logs/run-20251001-100000/per_prompt_runs_1.csv',
    'x/1234-56/20251001_101010/seed_5.run_2.json',
    'deep/12345678/87654321/x_20251003T101010.csv',
    'bench/deepseek-r1/run_2/summary.json',
    'exp/run_3/RUN-04/iter7_rep2.json',
    '1/2/3/4.json',
    'a.b.c/2025-10-02_12-00-00.tar.gz',
  ];
  it.each(tricky)('normalises %s as normaliseTimestamps does the whole run-normalised path', (path) => {
    expect(normaliseRunPath(path)).toBe(normaliseTimestamps(replicatePath(path).normalised));
  });

  it('reads each path on its own when one folder name starts another (a folder is worked out once for its files)', () => {
    const paths = ['runs/1/x_run_2.json', 'runs/1/y.json', 'runs/12/x.json', 'runs/1', 'runs/1/2025-10-02/x.json', 'runs/1/', 'runs/1/2025-10-02', 'runs/1/20251003/x_run_4.json'];
    expect(paths.map((p) => replicatePath(p))).toEqual([
      { normalised: 'runs/<n>/x_run_<n>.json', indices: [1, 2], written: ['1', '2'] },
      { normalised: 'runs/<n>/y.json', indices: [1], written: ['1'] },
      { normalised: 'runs/<n>/x.json', indices: [12], written: ['12'] },
      { normalised: 'runs/1', indices: [], written: [] },
      { normalised: 'runs/<n>/2025-10-02/x.json', indices: [1], written: ['1'] },
      { normalised: 'runs/<n>/', indices: [1], written: ['1'] },
      { normalised: 'runs/<n>/2025-10-02', indices: [1], written: ['1'] },
      { normalised: 'runs/<n>/20251003/x_run_<n>.json', indices: [1, 4], written: ['1', '4'] },
    ]);
    expect(paths.map((p) => normaliseRunPath(p))).toEqual(['runs/<n>/x_run_<n>.json', 'runs/<n>/y.json', 'runs/<n>/x.json', 'runs/1', 'runs/<n>/<ts>/x.json', 'runs/<n>/', 'runs/<n>/<ts>', 'runs/<n>/<ts>/x_run_<n>.json']);
    expect(paths.map((p) => timestampsIn(p))).toEqual([[], [], [], [], ['2025-10-02'], [], ['2025-10-02'], ['20251003']]);
  });

  it('names the timestamp in a folder and the run in the file of one path', () => {
    expect(normaliseRunPath('logs/run-20251001-100000/per_prompt_runs_1.csv')).toBe('logs/run-<ts>/per_prompt_runs_<n>.csv');
  });
});

describe('seriesId with run indices', () => {
  it('is the same for the same series in run_1 and run_2', () => {
    expect(seriesId('exp/run_1/summary.json', 'tps', {})).toBe('exp/run_<n>/summary.json::tps');
    expect(seriesId('exp/run_2/summary.json', 'tps', {})).toBe('exp/run_<n>/summary.json::tps');
  });

  it('keeps the model name deepseek-r1 readable in the id', () => {
    expect(seriesId('bench/deepseek-r1/summary.json', 'tps', {})).toBe('bench/deepseek-r1/summary.json::tps');
  });
});

describe('timestampsIn', () => {
  it('finds the timestamps normaliseTimestamps replaces, in path order, whatever pattern found each', () => {
    const path = 'runs/2025-10-02/run-20251024-100331/bench_1727000000.json';
    expect(timestampsIn(path)).toEqual(['2025-10-02', '20251024-100331', '1727000000']);
    expect(normaliseTimestamps(path)).toBe('runs/<ts>/run-<ts>/bench_<ts>.json');
  });

  it('finds none in a path without four digits in a row', () => {
    expect(timestampsIn('results/gemma3_270m/run_12/summary.json')).toEqual([]);
  });

  it('finds none in a name with four digits that no timestamp could be (results_7519.csv, 2025_q3)', () => {
    expect(timestampsIn('runs/2025_q3/results_7519.csv')).toEqual([]);
    expect(normaliseTimestamps('runs/2025_q3/results_7519.csv')).toBe('runs/2025_q3/results_7519.csv');
  });

  it('reads each folder and file name on its own: stamps at the ends of names, several in one name, the same folder in many paths', () => {
    const paths = [
      '20251002/1727000000/x_20251003-101010_1727000001.json',
      'a/2025-10-02T10:00:00Z_20251004/b',
      'a/2025-10-02T10:00:00Z_20251004/c',
      'x202510021/2025100212/20251002.csv',
    ];
    expect(paths.map((p) => timestampsIn(p))).toEqual([
      ['20251002', '1727000000', '20251003-101010', '1727000001'],
      ['2025-10-02T10:00:00Z', '20251004'],
      ['2025-10-02T10:00:00Z', '20251004'],
      ['20251002'],
    ]);
    expect(paths.map((p) => normaliseTimestamps(p))).toEqual(['<ts>/<ts>/x_<ts>_<ts>.json', 'a/<ts>_<ts>/b', 'a/<ts>_<ts>/c', 'x202510021/2025100212/<ts>.csv']);
  });
});
