import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { analyze, type AnalyzeDependencies } from '../analyze.js';
import type { Config } from '../config.js';
import type { Report } from '../model/report.js';
import { logSafe } from '../util/log-safe.js';
import type { BranchHistory } from '../model/branch-history.js';
import type { Snapshot } from '../model/snapshot.js';
import type { ActionContext } from '../github/event.js';
import { appendRun, HISTORY_FILE, writeHistory } from './branch-history.js';
import { gateFailureMessage, verdictCounts } from './gate.js';
import { createSnapshot, writeSnapshot } from './snapshot.js';
import { compileGateRules } from './thresholds.js';
import { saveToCache, type CacheClient } from './sources/cache.js';
export { withBaselineIgnored } from './sources/file.js';
import { isPushToDefaultBranch, type BaselineLog, type EventInfo } from './sources/types.js';
import { compareStage, type CompareStage } from './stage.js';

/** The action's side of the regression gate: event, cache client, outputs and the failing step. */

const log: BaselineLog = { info: (m) => core.info(logSafe(m)), warning: (m) => core.warning(logSafe(m)) };

// @actions/cache (and its Azure storage client) loads only when a cache is used: `baseline: none`,
// `git` or `file:` runs never pay for it.
let cacheModule: Promise<typeof import('@actions/cache')> | undefined;
const loadCache = () => (cacheModule ??= import('@actions/cache'));

const cacheClient: CacheClient = {
  isFeatureAvailable: async () => (await loadCache()).isFeatureAvailable(),
  saveCache: async (paths, key) => (await loadCache()).saveCache(paths, key),
  restoreCache: async (paths, key, restoreKeys) => (await loadCache()).restoreCache(paths, key, restoreKeys),
};

function runnerTemp(): string {
  return process.env.RUNNER_TEMP || os.tmpdir();
}

/**
 * Cache entries are tied to the paths they were saved from, so snapshots are
 * always saved from and restored to this one directory.
 */
function cacheDir(): string {
  return path.join(runnerTemp(), 'chimera-insight-baseline');
}

const ZERO_SHA = /^0+$/;

/** Commits and branches the baseline sources need, from the event payload. */
export function eventInfo(context: Pick<ActionContext, 'eventName' | 'payload' | 'sha' | 'ref' | 'runId'>): EventInfo {
  const payload = context.payload as {
    pull_request?: { head?: { sha?: string }; base?: { sha?: string; ref?: string } };
    workflow_run?: { head_sha?: string; pull_requests?: { base?: { sha?: string; ref?: string } }[] };
    before?: string;
    repository?: { default_branch?: string };
  };
  const info: EventInfo = { name: context.eventName ?? '' };
  const pr = payload.pull_request;
  const set = <K extends keyof EventInfo>(key: K, value: EventInfo[K] | undefined) => {
    if (value) info[key] = value;
  };
  const run = payload.workflow_run;
  if (pr) {
    set('headSha', pr.head?.sha ?? context.sha);
    set('baseSha', pr.base?.sha);
    set('baseRef', pr.base?.ref);
  } else if (run) {
    // The fork pattern's second workflow: the data under test is the triggering run's, and a
    // fork PR is missing from `pull_requests`, so its base is taken to be the default branch.
    const base = run.pull_requests?.[0]?.base;
    set('headSha', run.head_sha);
    set('baseSha', base?.sha);
    set('baseRef', base?.ref ?? payload.repository?.default_branch);
  } else {
    set('headSha', context.sha);
    if (payload.before && !ZERO_SHA.test(payload.before)) set('baseSha', payload.before);
    if (context.ref?.startsWith('refs/heads/')) set('branch', context.ref.slice('refs/heads/'.length));
  }
  set('defaultBranch', payload.repository?.default_branch);
  if (context.runId) info.runId = String(context.runId);
  return info;
}

/** The Actions cache and the directory its baseline entries are saved from and restored to. */
export function actionCache(): { client: CacheClient; dir: string } {
  return { client: cacheClient, dir: cacheDir() };
}

/** The pipeline's compare stage as the action runs it. */
export function actionCompareStage(config: Config, event: EventInfo, deps: Omit<AnalyzeDependencies, 'commit'>): CompareStage {
  return compareStage({
    config,
    event,
    analyzeTree: (cfg) => analyze(cfg, deps),
    cache: { client: cacheClient, dir: cacheDir() },
    file: { base: config.workspace, confineToWorkspace: true },
    log,
    tempRoot: runnerTemp(),
  });
}

/**
 * The default-branch history with this run appended, on pushes to the
 * default branch (the only runs it records), with the caps' notes logged.
 */
export function nextHistory(config: Config, event: EventInfo, snapshot: Snapshot, previous: BranchHistory | undefined, logInfo: (m: string) => void): BranchHistory | undefined {
  if (config.gate.historySize === 0 || !isPushToDefaultBranch(event)) return undefined;
  const rules = compileGateRules(config.gate);
  const key = { branch: event.branch, scope: snapshot.config.path ?? '.', ...(snapshot.hardware ? { hardware: snapshot.hardware.id } : {}) };
  const { history, notes } = appendRun(previous, key, snapshot, event.runId ? { runId: event.runId } : {}, { runs: config.gate.historySize }, (s) => rules.isGated(s));
  for (const note of notes) logInfo(`Default-branch history: ${note}.`);
  return history;
}

/**
 * After the report is published: snapshot.json next to report.md, the
 * snapshot (and, with history-size > 0, the default-branch history including
 * this run) saved for later runs on pushes to the default branch, the gate's
 * outputs, and last the failed step when a gated metric regressed.
 */
export async function finishGate(config: Config, report: Report, event: EventInfo, previousHistory?: BranchHistory): Promise<void> {
  const snapshot = createSnapshot(report);
  let snapshotPath = '';
  const kind = config.gate.baseline.kind;
  const history = kind === 'auto' || kind === 'cache' ? nextHistory(config, event, snapshot, previousHistory, (m) => core.info(logSafe(m))) : undefined;
  if (config.outputDir) {
    snapshotPath = path.join(config.outputDir, 'snapshot.json');
    await writeSnapshot(snapshotPath, snapshot);
    if (history) await writeHistory(path.join(config.outputDir, HISTORY_FILE), history);
  }
  if (kind === 'auto' || kind === 'cache') await saveToCache({ cache: cacheClient, dir: cacheDir(), event, snapshot, ...(history ? { history } : {}), log });
  gateOutcome(config, report, snapshotPath);
}

/** The gate's outputs, and last the failed step when a gated metric regressed (or the named baseline was unusable). */
export function gateOutcome(config: Config, report: Report, snapshotPath: string): void {
  const comparison = report.comparison;
  const counts = comparison ? verdictCounts(comparison) : { regressions: 0, improvements: 0 };
  core.setOutput('verdict', comparison?.verdict ?? 'no-baseline');
  core.setOutput('regressions', counts.regressions);
  core.setOutput('improvements', counts.improvements);
  core.setOutput('snapshot-path', snapshotPath);
  if (!comparison) return;
  if (comparison.error) {
    core.setFailed(logSafe(comparison.error));
    return;
  }
  core.info(`Gate: ${comparison.verdict}${comparison.baseline ? ` against ${logSafe(comparison.baseline.description)}` : ''}.`);
  const failure = gateFailureMessage(comparison);
  if (!failure) return;
  if (config.gate.failOnRegression) core.setFailed(logSafe(failure));
  else core.warning(logSafe(`${failure} (fail-on-regression is false, so the check passes)`));
}
