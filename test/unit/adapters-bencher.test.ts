import { describe, expect, it } from 'vitest';
import { parsed } from '../helpers/series.js';
import { described, one, readTool } from '../helpers/tools.js';

describe('Bencher Metric Format JSON', () => {
  it("reads one series per benchmark and measure, with Bencher's units and directions for built-in measures", async () => {
    const data = parsed(await readTool('bencher/bmf.json'));
    expect(data.adapter).toBe('bencher');
    expect(described(data)).toEqual([
      'latency{benchmark=adapter::json} ns lower',
      'throughput{benchmark=adapter::json} ops/s higher',
      'latency{benchmark=adapter::csv} ns lower',
      'file-size{benchmark=binary} B lower',
      'build-time{benchmark=binary} s lower',
    ]);
  });

  it('takes the value, not the bounds, as the measurement', async () => {
    const data = parsed(await readTool('bencher/bmf.json'));
    expect(one(data, 'latency', { benchmark: 'adapter::json' }).samples).toEqual([88]);
    expect(one(data, 'latency', { benchmark: 'adapter::json' }).stats.sd).toBeNull();
  });
});
