import { closestName } from '../metrics/build.js';
import { isThroughput } from '../metrics/infer.js';
import type { InputNotice, Report } from '../model/report.js';
import { LLM_SERIES_PREFIX, type Series } from '../model/series.js';
import { globToRegExp } from '../util/glob.js';
import { formatThreshold } from './config.js';
import { candidates, compileGateRules } from './thresholds.js';
import type { GateConfig } from './types.js';

function quoted(names: string[], limit = 3): string {
  const shown = names.slice(0, limit).map((n) => `"${n}"`).join(', ');
  return names.length > limit ? `${shown}, …` : shown;
}

/**
 * What the `gate` and `thresholds` inputs did with this run's series. A glob
 * that matches no series is a warning; a gate that selects nothing able to
 * regress while throughput series exist is an error, because a typo
 * (`gate: tokens-s`) would otherwise turn the check off and keep it green.
 * `gate: none` says that on purpose. Series the LLM stage adds later are
 * gated by their own input and are not counted here.
 */
export function gateNotices(gate: GateConfig, all: readonly Series[]): InputNotice[] {
  const series = all.filter((s) => !s.id.startsWith(LLM_SERIES_PREFIX));
  const names = series.map(candidates);
  const matchesSome = (pattern: string) => {
    const test = globToRegExp(pattern);
    return names.some((list) => list.some((n) => test.test(n)));
  };
  const metrics = [...new Set(series.map((s) => s.metric))];
  const hint = (pattern: string) => {
    const near = closestName(pattern, metrics);
    return near === undefined ? '' : ` (did you mean "${near}"?)`;
  };
  const notices: InputNotice[] = [];
  for (const rule of gate.thresholds) {
    if (!matchesSome(rule.pattern)) {
      notices.push({ input: 'thresholds', level: 'warning', message: `"${rule.pattern}: ${formatThreshold(rule.value)}" matches no series${hint(rule.pattern)}` });
    }
  }
  const selection = gate.gate;
  if (selection.mode === 'globs') {
    for (const pattern of selection.patterns) {
      if (!matchesSome(pattern)) notices.push({ input: 'gate', level: 'warning', message: `"${pattern}" matches no series${hint(pattern)}` });
    }
  }
  if (selection.mode !== 'none') {
    const rules = compileGateRules(gate);
    const throughput = series.filter((s) => isThroughput(s.direction, s.unit, s.metric));
    if (throughput.length > 0 && !series.some((s) => rules.isGated(s))) {
      const given = selection.mode === 'globs' ? quoted(selection.patterns) : selection.mode;
      notices.push({
        input: 'gate',
        level: 'error',
        message:
          `${given} gates no series that can regress, although ${throughput.length} throughput series ` +
          `(${quoted([...new Set(throughput.map((s) => s.metric))])}) were found, so no regression could fail the check; ` +
          'fix the pattern, or set "gate: none" to gate nothing on purpose',
      });
    }
  }
  return notices;
}

/** gateNotices of the report's series, appended to its notices: what every compare stage (and a shard) does first. */
export function addGateNotices(report: Pick<Report, 'series' | 'notices'>, gate: GateConfig): void {
  const notices = gateNotices(gate, report.series);
  if (notices.length > 0) report.notices = [...(report.notices ?? []), ...notices];
}
