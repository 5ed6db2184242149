import type { Direction, RawSeries } from '../../model/series.js';
import { failed } from '../types.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { AdapterResult, accumulate, isObject, lineOf, numberOf, type JsonObject } from './util.js';

const MEASURE_KEYS = new Set(['value', 'lower_value', 'upper_value']);

function isMeasure(v: unknown): v is JsonObject {
  return isObject(v) && typeof v.value === 'number' && Object.keys(v).every((k) => MEASURE_KEYS.has(k));
}

/** `{bench: {measure: {value, lower_value?, upper_value?}}}` and nothing else. */
function isBmf(json: unknown): json is Record<string, JsonObject> {
  if (!isObject(json)) return false;
  const benches = Object.values(json);
  return benches.length > 0 && benches.every((b) => isObject(b) && Object.keys(b).length > 0 && Object.values(b).every(isMeasure));
}

/** Bencher's built-in measures and the units it records them in. */
const BUILT_IN: Record<string, { unit: string; direction: Direction }> = {
  latency: { unit: 'ns', direction: 'lower' },
  throughput: { unit: 'ops/s', direction: 'higher' },
  'build-time': { unit: 's', direction: 'lower' },
  'file-size': { unit: 'B', direction: 'lower' },
};

/**
 * Bencher Metric Format (BMF) JSON: one single-value series per benchmark and
 * measure, labelled `benchmark`. Built-in measures carry Bencher's units and
 * directions (`latency` ns lower, `throughput` ops/s higher, `build-time` s,
 * `file-size` B); custom measures are inferred from their name. The
 * `lower_value`/`upper_value` bounds are not a standard deviation, so they
 * are not used as one.
 */
export const bencher: ToolAdapter = {
  name: 'bencher',
  types: ['json'],
  detect: (input: AdapterInput) => isBmf(input.json),
  parse(input: AdapterInput) {
    if (!isBmf(input.json)) return failed('bencher: expected {benchmark: {measure: {value}}} (Bencher Metric Format)');
    const result = new AdapterResult('bencher');
    for (const [benchmark, measures] of Object.entries(input.json)) {
      const line = lineOf(input.text, JSON.stringify(benchmark));
      for (const [measure, m] of Object.entries(measures)) {
        result.rows += 1;
        const value = numberOf((m as JsonObject).value) as number;
        const s: RawSeries = { metric: measure, labels: { benchmark }, samples: accumulate([value]) };
        const known = BUILT_IN[measure.toLowerCase()];
        if (known) {
          s.unitHint = known.unit;
          s.directionHint = known.direction;
        }
        if (line !== undefined) s.line = line;
        result.add(s);
      }
    }
    return result.outcome('no measures');
  },
};
