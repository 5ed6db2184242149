import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nvidiaSmi } from '../../src/parse/adapters/nvidia-smi.js';
import { parseFile } from '../../src/parse/read-file.js';
import { notParsed, parsed, samplesOf } from '../helpers/series.js';
import { makeTempDir, removeDir } from '../helpers/tmp.js';
import { built, described, fileAt, one, readTool } from '../helpers/tools.js';

const csv = (text: string) => ({ path: 'gpu.csv', type: 'csv' as const, text });
const GPU0 = { gpu: '0', name: 'NVIDIA L40S' };
const GPU1 = { gpu: '1', name: 'NVIDIA L40S' };

describe('nvidia-smi --query-gpu log with units in the cells', () => {
  it('reads one series per GPU and field, labelled by index and name, in the unit of its header brackets, with no direction', async () => {
    const data = parsed(await readTool('nvidia-smi/gpu-units.csv'));
    expect(data.adapter).toBe('nvidia-smi');
    const fields = [
      'utilization.gpu % none',
      'utilization.memory % none',
      'memory.used MiB none',
      'memory.total MiB none',
      'power.draw W none',
      'temperature.gpu C none',
      'clocks.current.sm MHz none',
      'clocks.current.memory MHz none',
    ];
    const at = (gpu: string) => fields.map((f) => f.replace(' ', `{gpu=${gpu},name=NVIDIA L40S} `));
    expect(described(data)).toEqual([...at('0'), ...at('1')]);
  });

  it('keeps the logged readings over time as the samples, in file order', async () => {
    const data = parsed(await readTool('nvidia-smi/gpu-units.csv'));
    expect(one(data, 'clocks.current.sm', GPU0).samples).toEqual([210, 2520, 2490, 2490]);
    expect(one(data, 'memory.used', GPU1).samples).toEqual([498, 29870, 29870, 29998]);
    expect(data.rows).toBe(8);
  });

  it('never splits a GPU by a clock with few values, the timestamp or the PCI bus id', async () => {
    const data = parsed(await readTool('nvidia-smi/gpu-units.csv'));
    expect(new Set(built(data).map((s) => Object.keys(s.labels).join(',')))).toEqual(new Set(['gpu,name']));
  });

  it('leaves [N/A] readings out and reports them once per field with their count, not once per row', async () => {
    const data = parsed(await readTool('nvidia-smi/gpu-units.csv'));
    expect(one(data, 'power.draw', GPU1).samples).toEqual([296.4, 339.88]);
    expect(data.problems).toEqual([{ reason: 'power.draw: 2 of 8 readings were [N/A] or [Not Supported]; left out' }]);
  });
});

describe('nvidia-smi --query-gpu log with nounits', () => {
  it('reads the bare numbers in the units the header still brackets', async () => {
    const data = parsed(await readTool('nvidia-smi/gpu-nounits.csv'));
    const labels = '{gpu=0,name=NVIDIA H100 80GB HBM3}';
    expect(described(data)).toEqual([
      `utilization.gpu${labels} % none`,
      `memory.used${labels} MiB none`,
      `power.draw${labels} W none`,
      `temperature.gpu${labels} C none`,
      `clocks.current.sm${labels} MHz none`,
    ]);
    expect(one(data, 'power.draw').samples).toEqual([118.33, 455.91, 688.04, 694.6]);
  });

  it('gives no series for a field that was never supported, and says so once', async () => {
    const data = parsed(await readTool('nvidia-smi/gpu-nounits.csv'));
    expect(data.series.some((s) => s.metric === 'fan.speed')).toBe(false);
    expect(data.problems).toEqual([{ reason: 'fan.speed: 4 of 4 readings were [N/A] or [Not Supported]; no series' }]);
  });

  it('reads no descriptive field as a metric, even driver_version 550.54, which looks like a number', async () => {
    const data = parsed(await readTool('nvidia-smi/gpu-nounits.csv'));
    expect(data.series.filter((s) => /pstate|driver_version|timestamp|index|name/.test(s.metric))).toEqual([]);
  });
});

describe('nvidia-smi --query-compute-apps log', () => {
  it('reads used_gpu_memory per GPU bus id, GPU name and process name, never per pid', async () => {
    const data = parsed(await readTool('nvidia-smi/compute-apps.csv'));
    expect(described(data)).toEqual([
      'used_gpu_memory{gpu=00000000:00:1E.0,name=NVIDIA A10G,process=/opt/venv/bin/python3} MiB none',
      'used_gpu_memory{gpu=00000000:00:1E.0,name=NVIDIA A10G,process=/usr/bin/tritonserver} MiB none',
    ]);
    expect(one(data, 'used_gpu_memory', { process: '/opt/venv/bin/python3' }).samples).toEqual([14302, 18876, 19004]);
  });

  it('puts back together a process name holding commas, which nvidia-smi does not quote', () => {
    const data = parsed(nvidiaSmi.parse(csv(['pid, process_name, used_gpu_memory [MiB]', '311, /opt/chrome --type=gpu-process,--flag=a, 164 MiB', '312, python3, 2804 MiB'].join('\n'))));
    expect(data.series.map((s) => [s.labels.process, samplesOf(s)])).toEqual([
      ['/opt/chrome --type=gpu-process,--flag=a', [164]],
      ['python3', [2804]],
    ]);
  });
});

describe('nvidia-smi readings that cannot be used', () => {
  it('reports a reading in another unit or not a number once per field, with the first line', () => {
    const text = ['index, memory.used [MiB], power.draw [W]', '0, 100 MiB, 50 W', '0, 12 GiB, 51 W', '0, lost, 52 W', '0, 120 MiB, 53 W'].join('\n');
    const data = parsed(nvidiaSmi.parse(csv(text)));
    expect(samplesOf(data, 'memory.used', { gpu: '0' })).toEqual([100, 120]);
    expect(data.problems).toEqual([{ line: 3, reason: 'memory.used: 2 readings are not a number in MiB (first: "12 GiB"); left out' }]);
  });

  it('leaves out a reading too large for a number (400 digits) by its line and keeps the field\'s other readings', () => {
    const huge = '9'.repeat(400);
    const text = ['index, memory.used [MiB], power.draw [W]', `0, 100 MiB, ${huge} W`, '0, 100 MiB, 51 W', `0, 100 MiB, ${huge} W`, '0, 100 MiB, 53 W'].join('\n');
    const data = parsed(nvidiaSmi.parse(csv(text)));
    expect(samplesOf(data, 'power.draw', { gpu: '0' })).toEqual([51, 53]);
    expect(data.problems).toEqual([{ line: 2, reason: `power.draw: 2 readings are not a number in W (first: "${'9'.repeat(40)}"); left out` }]);
  });

  it('passes over a header repeated by a log appended run after run', () => {
    const header = 'index, utilization.gpu [%], memory.used [MiB]';
    const data = parsed(nvidiaSmi.parse(csv([header, '0, 10 %, 100 MiB', header, '0, 20 %, 200 MiB'].join('\n'))));
    expect(samplesOf(data, 'utilization.gpu', { gpu: '0' })).toEqual([10, 20]);
    expect([data.rows, data.problems]).toEqual([2, []]);
  });
});

describe('nvidia-smi log written with noheader', () => {
  const HEADERLESS =
    'nvidia-smi log without its header line (--format=csv,noheader): the columns are not named, and a reading in % could be utilization.gpu, utilization.memory or fan.speed, one in MiB memory.used, memory.free or memory.total, so none is read; log with --format=csv to keep the header';

  it('is skipped with the reason, not read by the CSV reader with its first readings as column names', async () => {
    expect(notParsed(await readTool('nvidia-smi/gpu-noheader.csv'))).toEqual({ status: 'skipped', reason: HEADERLESS });
  });

  it('is recognised by nvidia-smi\'s timestamp even with nounits, and by a unit in every cell without a timestamp', () => {
    for (const text of ['2025/03/06 09:12:00.514, 0, NVIDIA A100-SXM4-40GB, 71, 27533\n2025/03/06 09:12:01.519, 0, NVIDIA A100-SXM4-40GB, 98, 31021', '71 %, 27533 MiB, 301.75 W\n98 %, 31021 MiB, 296.40 W']) {
      expect(nvidiaSmi.detect(csv(text)), text).toBe(true);
      expect(notParsed(nvidiaSmi.parse(csv(text))), text).toEqual({ status: 'skipped', reason: HEADERLESS });
    }
  });

  it('leaves headerless CSVs that are not nvidia-smi\'s to the CSV reader: no nvidia-smi timestamp, a cell without its unit', () => {
    for (const text of ['2025-03-06 09:12:00, 71, 27533\n2025-03-06 09:12:01, 98, 31021', '71 %, 27533\n98 %, 31021', '71, 27533\n98, 31021', '71 %,27533 MiB\n98 %,31021 MiB']) {
      expect(nvidiaSmi.detect(csv(text)), text).toBe(false);
    }
  });
});

describe('nvidia-smi detection', () => {
  it('claims a header of nvidia-smi query names with at least two dotted ones', () => {
    expect(nvidiaSmi.detect(csv('index, utilization.gpu [%], memory.used [MiB]\n0, 1 %, 2 MiB'))).toBe(true);
    expect(nvidiaSmi.detect(csv('pid, used_gpu_memory [MiB]\n1, 2 MiB'))).toBe(true);
  });

  it('does not claim ordinary CSVs, even with a dotted name or one nvidia-smi field among others', () => {
    for (const text of [
      'model,ttft_ms,tokens_s\nllama,120,40',
      'model, memory.used [MiB], power.draw [W]\nllama, 1, 2',
      'timestamp, memory.used [MiB]\n2025/01/01 00:00:00.000, 1 MiB',
      'a.b,c.d\n1,2',
      'config.batch,config.seq,latency_ms\n1,2,3',
    ]) {
      expect(nvidiaSmi.detect(csv(text)), text).toBe(false);
    }
  });

  it('skips a file it is forced on that is not an nvidia-smi log', () => {
    expect(notParsed(nvidiaSmi.parse(csv('model,latency_ms\nllama,12')))).toEqual({
      status: 'skipped',
      reason: 'not an nvidia-smi query log: the header must name nvidia-smi query fields (utilization.gpu, memory.used, …)',
    });
  });
});

describe('a large nvidia-smi log', () => {
  let root: string;
  beforeAll(() => {
    root = makeTempDir('chimera-nvidia-smi-');
  });
  afterAll(() => removeDir(root));

  it('is detected from its head, and every reading is counted while a bounded sample is kept', async () => {
    const rows: string[] = ['timestamp, index, name, utilization.gpu [%], memory.used [MiB], power.draw [W]'];
    for (let t = 0; t < 15_000; t++) {
      for (let gpu = 0; gpu < 4; gpu++) rows.push(`2025/03/04 10:00:00.000, ${gpu}, NVIDIA A100-SXM4-80GB, ${(t + gpu) % 101} %, ${40_000 + (t % 7)} MiB, ${300 + (t % 3)}.50 W`);
    }
    const file = path.join(root, 'gpu.csv');
    writeFileSync(file, `${rows.join('\n')}\n`);
    const data = parsed(await parseFile(await fileAt(file, 'gpu.csv'), 50_000_000));
    expect([data.adapter, data.rows, data.series.length]).toEqual(['nvidia-smi', 60_000, 12]);
    const st = one(data, 'power.draw', { gpu: '2' });
    expect([st.stats.n, st.samples.length, st.stats.approximate, st.stats.min, st.stats.max]).toEqual([15_000, 10_000, true, 300.5, 302.5]);
    expect(st.stats.mean).toBeCloseTo(301.5, 3);
  });
});
