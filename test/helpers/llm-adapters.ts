import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileTypeOf } from '../../src/discover/rules.js';
import { buildSeries, compileMetricRules } from '../../src/metrics/build.js';
import { labelKey } from '../../src/metrics/identity.js';
import type { Series } from '../../src/model/series.js';
import { parseFile } from '../../src/parse/read-file.js';
import type { ParseOutcome } from '../../src/parse/types.js';
import { parsed } from './series.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const TOOL_FIXTURES = path.resolve(here, '..', 'fixtures', 'tools');
const MAX = 50 * 1000 * 1000;
const NO_RULES = compileMetricRules({ directions: [], units: [], metrics: { include: [], exclude: [] } });

/** Reads a file the way the action does: discovery's type, then parseFile (adapters first). */
export async function readOutput(absolutePath: string, options: { format?: string; relative?: string } = {}): Promise<ParseOutcome> {
  const size = (await fs.stat(absolutePath)).size;
  const relative = options.relative ?? path.basename(absolutePath);
  return parseFile({ absolutePath, type: fileTypeOf(absolutePath), size, path: relative }, MAX, options.format === undefined ? {} : { format: options.format });
}

/** A fixture under test/fixtures/tools, e.g. `vllm/bench-serve-detailed.json`. */
export function readFixture(relative: string, format?: string): Promise<ParseOutcome> {
  return readOutput(path.join(TOOL_FIXTURES, relative), format === undefined ? { relative } : { relative, format });
}

/** The series as the report builds them: units and directions resolved, statistics computed. */
export function built(outcome: ParseOutcome, file = 'results.json'): Series[] {
  return parsed(outcome).series.map((raw) => {
    const s = buildSeries(raw, file, NO_RULES);
    if (!s) throw new Error(`${raw.metric} holds no value`);
    return s;
  });
}

/** `metric{labels} unit direction source`: what a user reads about each series, in file order. */
export function described(series: Series[]): string[] {
  return series.map((s) => `${s.metric}${labelKey(s.labels)} [${s.unit || '-'}, ${s.direction}, ${s.source}]`);
}

/** The one series of `metric` (labels ignored); throws unless exactly one. */
export function only(series: Series[], metric: string, labels?: Record<string, string>): Series {
  const found = series.filter((s) => s.metric === metric && (labels === undefined || labelKey(s.labels) === labelKey(labels)));
  if (found.length !== 1) throw new Error(`expected one ${metric}, found ${found.length}`);
  return found[0] as Series;
}
