import { isThroughput, normaliseName } from '../metrics/infer.js';
import { globToRegExp } from '../util/glob.js';
import type { GateConfig } from './types.js';

/** What the threshold and gate rules read of a series. */
export interface RuleSubject {
  file: string;
  metric: string;
  unit: string;
  direction: 'higher' | 'lower' | 'none';
}

export interface GateRules {
  /** The series' threshold: the first matching `thresholds` rule, else `threshold`. */
  thresholdFor(s: RuleSubject): number;
  /** Whether the `gate` selection lets this series fail the check. */
  isGated(s: RuleSubject): boolean;
}

/**
 * Names a rule may match, as for the `directions` input (src/metrics/build.ts):
 * the metric as written, normalised (`TTFT (ms)` → `ttft_ms`), and `file::metric`.
 */
export function candidates(s: RuleSubject): string[] {
  return [s.metric, normaliseName(s.metric), `${s.file}::${s.metric}`];
}

export function compileGateRules(config: Pick<GateConfig, 'threshold' | 'thresholds' | 'gate'>): GateRules {
  const thresholds = config.thresholds.map((r) => ({ test: globToRegExp(r.pattern), value: r.value }));
  const gate = config.gate;
  const gateGlobs = gate.mode === 'globs' ? gate.patterns.map(globToRegExp) : [];
  return {
    thresholdFor(s) {
      if (thresholds.length === 0) return config.threshold;
      const names = candidates(s);
      return thresholds.find((r) => names.some((n) => r.test.test(n)))?.value ?? config.threshold;
    },
    isGated(s) {
      if (s.direction === 'none' || gate.mode === 'none') return false;
      if (gate.mode === 'all') return true;
      if (gate.mode === 'throughput') return isThroughput(s.direction, s.unit, s.metric);
      const names = candidates(s);
      return gateGlobs.some((g) => names.some((n) => g.test(n)));
    },
  };
}
