import { rootRelative, type Config } from '../../config.js';
import type { Attempt } from '../gate.js';
import type { BaselineSpec } from '../types.js';
import type { SnapshotSeries } from '../../model/snapshot.js';
import { restoreFromCache, type CacheClient } from './cache.js';
import { baselineFromFile } from './file.js';
import { baselineFromGit } from './git.js';
import { historyFromDataJs } from './data-js.js';
import { baselineFromHistory } from './history.js';
import { changesInCheckout } from './checkout-changes.js';
import type { AnalyzeTree, BaselineFound, BaselineLog, EventInfo, SourceOutcome } from './types.js';

export interface SourceContext {
  config: Config;
  event: EventInfo;
  /** The head's series (history takes its runs from them). */
  headSeries: readonly SnapshotSeries[];
  /** This run's hardware id: the cache restores that hardware's snapshot first (src/model/hardware.ts). */
  hardware?: string;
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
          ...(ctx.hardware ? { hardware: ctx.hardware } : {}),
        });
      case 'git':
        return await baselineFromGit({ config: ctx.config, event: ctx.event, analyzeTree: ctx.analyzeTree, tempDir: ctx.tempDir });
      case 'history': {
        const outcome = baselineFromHistory(ctx.headSeries, await historyFromDataJs(ctx.config, ctx.headSeries));
        if ('found' in outcome) await gateOnlyNewRuns(outcome.found, ctx);
        return outcome;
      }
    }
  } catch (err) {
    // A source that breaks is a missing baseline, never a failed check.
    const reason = `failed: ${(err as Error).message}`;
    ctx.log.warning(`Baseline ${name}: ${reason}`);
    return { reason };
  }
}

/**
 * An in-tree history compares the two newest timestamped runs, which may
 * both have been committed long ago: a pull request that touched neither
 * must not fail for them. Only runs this checkout brings (untracked,
 * changed, or changed since the base commit) are gated; the others are
 * shown with the reason.
 */
async function gateOnlyNewRuns(found: BaselineFound, ctx: SourceContext): Promise<void> {
  const head = found.head ?? [];
  const files = [...new Set(head.map((s) => s.file))];
  const { changed, checkout } = await changesInCheckout(ctx.config.workspace, files, ctx.event.baseSha);
  if (!checkout) return;
  const stale = files.filter((f) => !changed.has(f));
  if (stale.length === 0) return;
  const named = stale.length <= 3 ? stale.join(', ') : `${stale.slice(0, 3).join(', ')} and ${stale.length - 3} more`;
  const reason = `the newest run${stale.length > 1 ? 's' : ''} (${named}) ${stale.length > 1 ? 'are' : 'is'} committed and unchanged in this checkout, so ${stale.length > 1 ? 'they are' : 'it is'} shown, not gated`;
  const staleSet = new Set(stale);
  found.ungated = { ids: head.filter((s) => staleSet.has(s.file)).map((s) => s.id), reason };
  found.info.note = found.info.note ? `${found.info.note}; ${reason}` : reason;
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
    const outcome = await baselineFromFile({ config: ctx.config, given: spec.path, ...ctx.file, analyzeTree: ctx.analyzeTree, ...(ctx.hardware ? { hardware: ctx.hardware } : {}) });
    if ('found' in outcome) return { found: outcome.found, attempts };
    return { attempts: [{ source: 'file', outcome: outcome.reason }] };
  }
  if (spec.kind === 'git' && spec.ref !== undefined) {
    // Named outright: a ref or repository that cannot be read is an error (BaselineError), as for file:.
    const outcome = await baselineFromGit({ config: ctx.config, event: ctx.event, analyzeTree: ctx.analyzeTree, tempDir: ctx.tempDir, ref: spec.ref });
    if ('found' in outcome) return { found: outcome.found, attempts };
    ctx.log.info(`Baseline git:${spec.ref}: ${outcome.reason}`);
    return { attempts: [{ source: 'git', outcome: outcome.reason }] };
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
