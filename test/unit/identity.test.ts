import { describe, expect, it } from 'vitest';
import { labelKey, normaliseTimestamps, seriesId } from '../../src/metrics/identity.js';

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
