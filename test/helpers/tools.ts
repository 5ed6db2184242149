import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSeries, compileMetricRules } from '../../src/metrics/build.js';
import type { Series } from '../../src/model/series.js';
import { fileTypeOf } from '../../src/discover/rules.js';
import { parseFile, type FileToParse } from '../../src/parse/read-file.js';
import type { ParseOutcome, ParsedData } from '../../src/parse/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const TOOL_FIXTURES = path.resolve(here, '..', 'fixtures', 'tools');
export const REAL_SAMPLES = path.resolve(here, '..', '..', '..', 'shared', 'real-samples');

const NO_RULES = compileMetricRules({ directions: [], units: [], metrics: { include: [], exclude: [] } });

/** Describes a file as discovery would; `shownAs` is the workspace-relative path adapters see. */
export async function fileAt(absolutePath: string, shownAs: string): Promise<FileToParse> {
  return { absolutePath, path: shownAs, type: fileTypeOf(shownAs), size: (await fs.stat(absolutePath)).size };
}

/** Reads a fixture under test/fixtures/tools as if it sat at the same relative path in a workspace. */
export async function readTool(relative: string, format?: string): Promise<ParseOutcome> {
  const file = await fileAt(path.join(TOOL_FIXTURES, relative), relative);
  return parseFile(file, 50_000_000, format === undefined ? {} : { format });
}

/** The series a user sees for a parsed file: units and directions resolved, no overrides. */
export function built(data: ParsedData, file = 'f'): Series[] {
  return data.series.map((raw) => buildSeries(raw, file, NO_RULES)).filter((s): s is Series => s !== undefined);
}

/** `metric{labels} unit direction`: one line per series, in file order. */
export function described(data: ParsedData): string[] {
  return built(data).map((s) => {
    const labels = Object.entries(s.labels).map(([k, v]) => `${k}=${v}`).join(',');
    return `${s.metric}{${labels}} ${s.unit} ${s.direction}`;
  });
}

/** The one built series of `metric` whose labels include `labels`. */
export function one(data: ParsedData, metric: string, labels: Record<string, string> = {}): Series {
  const found = built(data).filter((s) => s.metric === metric && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (found.length !== 1) throw new Error(`expected one ${metric} ${JSON.stringify(labels)}, found ${found.length}`);
  return found[0] as Series;
}
