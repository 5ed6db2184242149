import { describe, expect, it } from 'vitest';
import { parsed } from '../helpers/series.js';
import { described, one, readTool } from '../helpers/tools.js';

describe('nccl-tests output', () => {
  it('reads time, algbw and busbw per message size, out-of-place and in-place, labelled by the collective from the command', async () => {
    const data = parsed(await readTool('nccl-tests/all-reduce.txt'));
    expect(data.adapter).toBe('nccl-tests');
    const at = { collective: 'all_reduce', size: '134217728', type: 'float', redop: 'sum' };
    expect(one(data, 'busbw', { ...at, placement: 'out-of-place' }).samples).toEqual([47.16]);
    expect(one(data, 'busbw', { ...at, placement: 'in-place' }).samples).toEqual([47.21]);
    expect(one(data, 'time', { ...at, placement: 'out-of-place' }).samples).toEqual([4980.2]);
    expect(described(data).slice(0, 3)).toEqual([
      'time{collective=all_reduce,size=8,type=float,redop=sum,placement=out-of-place} µs lower',
      'algbw{collective=all_reduce,size=8,type=float,redop=sum,placement=out-of-place} GB/s higher',
      'busbw{collective=all_reduce,size=8,type=float,redop=sum,placement=out-of-place} GB/s higher',
    ]);
  });

  it('reads the average bus bandwidth line as its own series, labelled with the sizes it averages over (only comparable at the same sizes)', async () => {
    const data = parsed(await readTool('nccl-tests/all-reduce.txt'));
    const avg = one(data, 'avg_busbw', { collective: 'all_reduce' });
    expect(avg.samples).toEqual([13.5822]);
    expect(avg.labels).toEqual({ collective: 'all_reduce', sizes: '8-134217728' });
  });

  it('reports a size whose results failed validation (#wrong) and leaves those results out', async () => {
    const data = parsed(await readTool('nccl-tests/all-reduce.txt'));
    expect(data.problems).toEqual([{ line: 13, reason: 'size 512 B (in-place): 2 wrong values in validation; its results are left out' }]);
    expect(data.series.filter((s) => s.labels.size === '512').map((s) => s.labels.placement)).toEqual(['out-of-place', 'out-of-place', 'out-of-place']);
  });

  it('reads the columns from the header of older versions (no root, an error column that is a rounding error, not a count), with no collective named', async () => {
    const data = parsed(await readTool('nccl-tests/all-gather-old.txt'));
    expect(one(data, 'algbw', { size: '1048576', type: 'float', placement: 'in-place' }).samples).toEqual([16.54]);
    expect(data.rows).toBe(3);
    expect(data.problems).toEqual([]);
  });
});
