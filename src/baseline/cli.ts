import { analyze, type AnalyzeDependencies } from '../analyze.js';
import type { Config } from '../config.js';
import type { Report } from '../model/report.js';
import { logSafe } from '../util/log-safe.js';
import { gateFailureMessage, shouldFail } from './gate.js';
import type { BaselineLog } from './sources/types.js';
import { compareStage, type CompareStage } from './stage.js';

/** The CLI's side of the regression gate: options, the compare stage and the exit code. */

/** Gate options that mirror action inputs one to one (`--min-samples` ⇔ `min-samples`). */
export const GATE_INPUT_OPTIONS = ['statistic', 'threshold', 'thresholds', 'min-samples', 'confidence', 'power', 'gate', 'fail-on-regression'] as const;
// `history-size` has no option: the default-branch history lives in the Actions cache, which a local run does not have.

export const GATE_USAGE = `Regression gate (analyze):
  --baseline PATH|KIND    a snapshot.json or a benchmark directory to compare with, or
                          git:REF (the same files at the merge base of HEAD and REF,
                          e.g. git:main or git:origin/main), auto (default: earlier
                          timestamped runs in the tree, since cache and git need a
                          GitHub event), history, or none
  --threshold PCT         regression threshold (default: 5%)
  --thresholds RULES      per-metric thresholds, e.g. "tokens_s: 3%, *ttft*: 20%"
  --statistic mean|median compared statistic (default: mean)
  --min-samples N         samples per side before significance is required (default: 3)
  --confidence LEVEL      e.g. 0.95 (default)
  --power LEVEL           power the minimum detectable effect is stated at (default: 0.8)
  --gate SELECTION        throughput (default), all, none, or metric globs
  --fail-on-regression B  exit 1 on a gated regression (default: true)
  --calibrate             add the A/A calibration: each metric's noise floor and a
                          suggested threshold (the action's calibrate: true)
`;

/** Keywords `--baseline` takes as they are; anything else is a path. */
const KEYWORDS = new Set(['auto', 'cache', 'git', 'history', 'none']);

/** The `baseline` input for `--baseline`: `auto` like the action when none is given (outside Actions that finds earlier runs in the tree). */
export function baselineInput(given: string | undefined): string {
  if (given === undefined) return 'auto';
  if (KEYWORDS.has(given.toLowerCase()) || given.toLowerCase().startsWith('file:') || given.toLowerCase().startsWith('git:')) return given;
  return `file:${given}`;
}

export function cliCompareStage(config: Config, cwd: string, log: BaselineLog, deps: Omit<AnalyzeDependencies, 'commit'>, tempRoot: string): CompareStage {
  return compareStage({
    config,
    event: { name: '' },
    analyzeTree: (cfg) => analyze(cfg, deps),
    // A local run may compare with any directory the user names.
    file: { base: cwd, confineToWorkspace: false },
    // As the action's log: source messages may quote paths and errors from the analysed tree.
    log: { info: (m) => log.info(logSafe(m)), warning: (m) => log.warning(logSafe(m)) },
    tempRoot,
  });
}

/**
 * 1 when a gated metric regressed (and `--fail-on-regression` is not false),
 * 2 when the named baseline could not be used, else 0; the reason goes to stderr.
 */
export function gateExitCode(report: Report, config: Config, stderr: (text: string) => void): number {
  const comparison = report.comparison;
  if (!comparison) return 0;
  // Metric names and labels come from repository files; in a workflow step a line they start could be a workflow command.
  if (comparison.error) {
    stderr(`${logSafe(comparison.error)}\n`);
    return 2;
  }
  const failure = gateFailureMessage(comparison);
  if (failure) stderr(`${logSafe(failure)}\n`);
  return shouldFail(comparison, config.gate) ? 1 : 0;
}
