import type { AdapterInput, ToolAdapter } from './types.js';
import { SeriesSet } from './llm-shared.js';
import { AdapterResult, accumulate } from './util.js';

/**
 * nccl-tests (`all_reduce_perf`, `all_gather_perf`, …) console output:
 *
 *     #                                                       out-of-place                       in-place
 *     #       size         count      type   redop    root     time   algbw   busbw #wrong     time   algbw   busbw #wrong
 *     #        (B)    (elements)                               (us)  (GB/s)  (GB/s)            (us)  (GB/s)  (GB/s)
 *                8             2     float     sum      -1    38.41    0.00    0.00      0    37.72    0.00    0.00      0
 *     # Avg bus bandwidth    : 70.742
 *
 * The columns are read from the header (versions differ: `root` or not,
 * `#wrong` or `error`), so every row's values land under their names. Only
 * `#wrong` is a count of values that failed validation; the older `error`
 * column is the largest rounding error, and a small one is normal.
 */
const HEADER = /^#\s+size\s+count\s+type\b.*\btime\s+algbw\s+busbw\b/;
/** `# Avg bus bandwidth : 70.742`: over the sizes the table swept, so it is labelled with them (`sizes: 8-8589934592`). */
const AVERAGE = /^#\s*Avg bus bandwidth\s*:\s*(-?\d+(?:\.\d+)?)/;
const COLLECTIVE = /\b(all_reduce|all_gather|alltoall|broadcast|reduce_scatter|reduce|sendrecv|scatter|gather|hypercube)_perf\b/;
const MEASURES = [
  { column: 'time', metric: 'time', unit: 'µs', direction: 'lower' },
  { column: 'algbw', metric: 'algbw', unit: 'GB/s', direction: 'higher' },
  { column: 'busbw', metric: 'busbw', unit: 'GB/s', direction: 'higher' },
] as const;

/** The positions of one placement's measures and its validation count in a header row. */
interface Placement {
  name: 'out-of-place' | 'in-place';
  at: Record<'time' | 'algbw' | 'busbw', number>;
  wrong: number | undefined;
}

function placementsOf(columns: readonly string[]): Placement[] {
  const out: Placement[] = [];
  columns.forEach((c, i) => {
    if (c !== 'time') return;
    const name = out.length === 0 ? 'out-of-place' : 'in-place';
    const after = columns.slice(i, i + 4);
    if (after[1] !== 'algbw' || after[2] !== 'busbw') return;
    // Only `#wrong` counts wrong values; older versions' `error` is the largest rounding error (1e-06 is normal).
    out.push({ name, at: { time: i, algbw: i + 1, busbw: i + 2 }, wrong: after[3] === '#wrong' ? i + 3 : undefined });
  });
  return out;
}

export const ncclTests: ToolAdapter = {
  name: 'nccl-tests',
  types: ['text'],
  detect(input: AdapterInput): boolean {
    for (const line of input.text.split(/\r?\n/, 2000)) if (HEADER.test(line.trim())) return true;
    return false;
  },
  parse(input: AdapterInput) {
    const result = new AdapterResult('nccl-tests');
    // A size measured again (runs appended to one log) adds a sample.
    const set = new SeriesSet(result.problems);
    const add = (metric: string, labels: Record<string, string>, unit: string, direction: 'lower' | 'higher', value: number, line: number) =>
      set.add({ metric, labels, unitHint: unit, directionHint: direction, samples: accumulate([value]), line });
    let collective: string | undefined;
    let columns: string[] | undefined;
    let placements: Placement[] = [];
    const settingAt: [string, number][] = [];
    // The sizes the table above an average swept: its average is over them, and only comparable at the same ones.
    let smallest: bigint | undefined;
    let largest: bigint | undefined;
    for (const [i, raw] of input.text.split(/\r?\n/).entries()) {
      const line = raw.trim();
      if (HEADER.test(line)) {
        columns = line.slice(1).trim().split(/\s+/);
        placements = placementsOf(columns);
        settingAt.length = 0;
        smallest = largest = undefined;
        for (const name of ['type', 'redop']) if (columns.includes(name)) settingAt.push([name, columns.indexOf(name)]);
        continue;
      }
      // The command line or `# Collective test starting: all_gather_perf` names the next table's collective.
      const named = COLLECTIVE.exec(line);
      if (named) collective = named[1];
      const average = AVERAGE.exec(line);
      if (average) {
        const labels: Record<string, string> = collective ? { collective } : {};
        if (smallest !== undefined && largest !== undefined) labels.sizes = `${smallest}-${largest}`;
        add('avg_busbw', labels, 'GB/s', 'higher', Number(average[1]), i + 1);
        continue;
      }
      if (!columns || line === '' || line.startsWith('#')) continue;
      const cells = line.split(/\s+/);
      if (cells.length !== columns.length || !/^\d+$/.test(cells[0] as string)) continue;
      result.rows += 1;
      const size = BigInt(cells[0] as string);
      if (smallest === undefined || size < smallest) smallest = size;
      if (largest === undefined || size > largest) largest = size;
      const base: Record<string, string> = {};
      if (collective) base.collective = collective;
      base.size = cells[0] as string;
      for (const [name, at] of settingAt) if (cells[at] !== 'none') base[name] = cells[at] as string;
      for (const p of placements) {
        const wrong = p.wrong === undefined ? undefined : Number(cells[p.wrong]);
        if (wrong !== undefined && Number.isFinite(wrong) && wrong > 0) {
          result.problems.add(i + 1, `size ${base.size} B (${p.name}): ${wrong} wrong value${wrong === 1 ? '' : 's'} in validation; its results are left out`);
          continue;
        }
        const labels = { ...base, placement: p.name };
        for (const m of MEASURES) {
          const v = Number(cells[p.at[m.column]]);
          if (Number.isFinite(v)) add(m.metric, labels, m.unit, m.direction, v, i + 1);
        }
      }
    }
    for (const s of set.series) result.add(s);
    return result.outcome('no result rows under the size/count/type header');
  },
};
