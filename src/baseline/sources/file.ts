import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isInside } from '../../util/paths.js';
import { rootRelative, type Config } from '../../config.js';
import { disambiguateIds } from '../../analyze.js';
import { seriesId } from '../../metrics/identity.js';
import { readSnapshot, snapshotSeries } from '../snapshot.js';
import { splitMergedSnapshot } from '../../shards/split.js';
import type { SnapshotSeries } from '../../model/snapshot.js';
import { BaselineError, type AnalyzeTree, type SourceOutcome } from './types.js';

export interface FileSourceOptions {
  config: Config;
  /** As written in the input: `file:<path>` (action) or `--baseline <path>` (CLI). */
  given: string;
  /** Directory `given` is relative to: the workspace for the action, the working directory for the CLI. */
  base: string;
  /** The action only reads baselines from the checkout; the CLI reads whatever the user points it at. */
  confineToWorkspace: boolean;
  analyzeTree: AnalyzeTree;
  /** This run's hardware id: which machine's series to take from a merged snapshot. */
  hardware?: string;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * Series of a baseline directory, with paths as if the directory were the
 * analysed `path`: `old/results.csv` of `--baseline old/` becomes
 * `bench/results.csv` when the head analyses `bench/`, so ids match.
 */
export function rebaseSeries(series: readonly SnapshotSeries[], fromDir: string, toDir: string): SnapshotSeries[] {
  const from = fromDir === '.' ? '' : `${fromDir}/`;
  const to = toDir === '.' ? '' : `${toDir}/`;
  const moved = series.map((s) => {
    const file = s.file.startsWith(from) ? `${to}${s.file.slice(from.length)}` : s.file;
    return { ...s, file, id: seriesId(file, s.metric, s.labels) };
  });
  disambiguateIds(moved as Parameters<typeof disambiguateIds>[0]);
  return moved;
}

/**
 * An explicit baseline: a snapshot JSON written by this tool, or a directory
 * of benchmark outputs analysed with the head's configuration. Anything wrong
 * with it is an error: the user asked for this baseline, so silently gating
 * without one would be worse than stopping.
 */
export async function baselineFromFile(options: FileSourceOptions): Promise<SourceOutcome> {
  const { config } = options;
  const target = path.resolve(options.base, options.given);
  if (options.confineToWorkspace && !isInside(config.workspace, target)) {
    throw new BaselineError(`Baseline ${options.given}: is outside the workspace ${config.workspace}`);
  }
  const stat = await fs.stat(target).catch(() => undefined);
  if (!stat) throw new BaselineError(`Baseline ${options.given}: no such file or directory`);
  if (options.confineToWorkspace) {
    // A symbolic link in the checkout (a pull request can add one) must not lead the baseline outside it.
    const [real, realWorkspace] = await Promise.all([fs.realpath(target), fs.realpath(config.workspace)]);
    if (!isInside(realWorkspace, real)) throw new BaselineError(`Baseline ${options.given}: leads outside the workspace through a symbolic link`);
  }
  const shown = isInside(config.workspace, target) ? toPosix(path.relative(config.workspace, target)) || '.' : target;
  if (stat.isFile()) {
    const snapshot = await readSnapshot(target, shown);
    if (snapshot.merged) {
      // A merge's snapshot: this machine's series, else the first machine's (then shown, not gated).
      const groups = splitMergedSnapshot(snapshot);
      const group = groups.find((g) => g.hardware.id === options.hardware) ?? groups[0];
      if (!group) throw new BaselineError(`Baseline ${options.given}: a merged snapshot without series`);
      const found: SourceOutcome = {
        found: { info: { source: 'file', description: `merged snapshot ${shown}, ${group.hardware.id}`, createdAt: snapshot.createdAt }, series: group.series, hardware: group.hardware },
      };
      if (snapshot.commit) found.found.info.commit = snapshot.commit;
      return found;
    }
    // A snapshot of another folder (`snapshot .` inside results/, then `analyze results`) is read as if it were of
    // the analysed one, as a baseline directory is: ids hold the path, and would otherwise match nothing.
    const taken = snapshot.config.path ?? '.';
    const analysed = rootRelative(config);
    const moved = taken !== analysed;
    const found: SourceOutcome = {
      found: {
        info: { source: 'file', description: moved ? `snapshot ${shown} (of ${taken}, read as of ${analysed})` : `snapshot ${shown}`, createdAt: snapshot.createdAt },
        series: moved ? rebaseSeries(snapshot.series, taken, analysed) : snapshot.series,
      },
    };
    if (snapshot.commit) found.found.info.commit = snapshot.commit;
    if (snapshot.hardware) found.found.hardware = snapshot.hardware;
    return found;
  }
  if (!stat.isDirectory()) throw new BaselineError(`Baseline ${options.given}: neither a snapshot file nor a directory`);
  // A directory outside the workspace (CLI only) is analysed as its own workspace.
  const workspace = isInside(config.workspace, target) ? config.workspace : target;
  const report = await options.analyzeTree({ ...config, workspace, root: target, outputDir: undefined });
  if (report.series.length === 0) return { reason: `no series in the benchmark files under ${shown}` };
  const fromDir = report.root;
  const toDir = rootRelative(config);
  const found: SourceOutcome = {
    found: {
      info: { source: 'file', description: `benchmark directory ${shown}`, createdAt: latestModified(report) ?? report.generatedAt },
      series: rebaseSeries(report.series.map((s) => snapshotSeries(s)), fromDir, toDir),
    },
  };
  return found;
}

/** Newest "latest change" of the files read: when the baseline's data was produced, as far as it can be told. */
function latestModified(report: { inventory: { files: { status: string; series: number; modified?: { time: string } }[] } }): string | undefined {
  let latest: string | undefined;
  for (const f of report.inventory.files) {
    if (f.status !== 'parsed' || f.series === 0 || !f.modified) continue;
    if (!latest || f.modified.time > latest) latest = f.modified.time;
  }
  return latest;
}

/**
 * A baseline directory inside the analysed path is not part of the head:
 * `path: .` with `baseline: file:previous/` would otherwise report every
 * baseline file as a new series of this run.
 */
export function withBaselineIgnored(config: Config, base: string): Config {
  if (config.gate.baseline.kind !== 'file') return config;
  const target = path.resolve(base, config.gate.baseline.path);
  const rel = path.relative(config.root, target);
  if (rel === '' || !isInside(config.root, target)) return config;
  const glob = toPosix(rel).replace(/[*?[\]{}()!]/g, '\\$&');
  return { ...config, ignore: [...config.ignore, glob, `${glob}/**`] };
}
