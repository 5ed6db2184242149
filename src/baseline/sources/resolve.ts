import { rootRelative, type Config } from '../../config.js';
import type { Attempt } from '../gate.js';
import type { BaselineSpec } from '../types.js';
import type { SnapshotSeries } from '../../model/snapshot.js';
import { restoreFromCache, type CacheClient } from './cache.js';
import { baselineFromFile } from './file.js';
import { baselineFromGit } from './git.js';
import { historyFromDataJs } from './data-js.js';
import { baselineFromHistory } from './history.js';
import type { AnalyzeTree, BaselineFound, BaselineLog, EventInfo, SourceOutcome } from './types.js';

export interface SourceContext {
  config: Config;
  event: EventInfo;
  /** The head's series (history takes its runs from them). */
  headSeries: readonly SnapshotSeries[];
  analyzeTree: AnalyzeTree;
  /** An empty directory sources may write into. */
  tempDir: string;
  /** Absent outside GitHub Actions (the CLI). */
  cache?: { client: CacheClient; dir: string };
  /** Where `file:` paths are relative to, and whether they must stay in the workspace. */
  file: { base: string; confineToWorkspace: boolean };
  log: BaselineLog;
}

export interface BaselineSearch {
  found?: BaselineFound;
  /** Sources tried that gave nothing, with why, in order. */
  attempts: Attempt[];
}

type SourceName = 'cache' | 'git' | 'history';

async function trySource(name: SourceName, ctx: SourceContext, explicit: boolean): Promise<SourceOutcome> {
  try {
    switch (name) {
      case 'cache':
        if (!ctx.cache) return { reason: 'no cache outside GitHub Actions' };
        return await restoreFromCache({
          cache: ctx.cache.client,
          dir: ctx.cache.dir,
          event: ctx.event,
          scope: rootRelative(ctx.config),
          log: ctx.log,
          warnUnavailable: explicit,
        });
      case 'git':
        return await baselineFromGit({ config: ctx.config, event: ctx.event, analyzeTree: ctx.analyzeTree, tempDir: ctx.tempDir });
      case 'history':
        return baselineFromHistory(ctx.headSeries, await historyFromDataJs(ctx.config, ctx.headSeries));
    }
  } catch (err) {
    // A source that breaks is a missing baseline, never a failed check.
    const reason = `failed: ${(err as Error).message}`;
    ctx.log.warning(`Baseline ${name}: ${reason}`);
    return { reason };
  }
}

/** The order `auto` tries: the saved default-branch snapshot, then the merge base, then earlier runs in the tree. */
export const AUTO_ORDER: readonly SourceName[] = ['cache', 'git', 'history'];

/**
 * Finds the baseline `spec` asks for. `auto` takes the first source that
 * yields one; every source that gave nothing is listed with its reason. An
 * explicit `file:` that cannot be used throws (BaselineError, SnapshotError).
 */
export async function findBaseline(spec: BaselineSpec, ctx: SourceContext): Promise<BaselineSearch> {
  const attempts: Attempt[] = [];
  if (spec.kind === 'none') return { attempts };
  if (spec.kind === 'file') {
    const outcome = await baselineFromFile({ config: ctx.config, given: spec.path, ...ctx.file, analyzeTree: ctx.analyzeTree });
    if ('found' in outcome) return { found: outcome.found, attempts };
    return { attempts: [{ source: 'file', outcome: outcome.reason }] };
  }
  const order = spec.kind === 'auto' ? AUTO_ORDER : [spec.kind];
  for (const name of order) {
    const outcome = await trySource(name, ctx, spec.kind !== 'auto');
    if ('found' in outcome) return { found: outcome.found, attempts };
    attempts.push({ source: name, outcome: outcome.reason });
    ctx.log.info(`Baseline ${name}: ${outcome.reason}`);
  }
  return { attempts };
}
