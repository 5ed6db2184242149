import type { PatternRule } from '../config-input.js';
import type { ExperimentStructure } from '../model/finding.js';
import type { Series } from '../model/series.js';
import { pathFactors, type FactorContext } from './path-factors.js';
import { poolReplicates } from './replicates.js';

/**
 * The experiment behind the files: replicate runs pooled into one series
 * each, then factors read from sibling folder and file names. Runs before
 * ids are made unique and before any comparison, so a baseline analysed the
 * same way pools the same runs under the same ids. `context`: files a tool
 * adapter read (grouped into factors even when saved as text) and the
 * analysed folder (`factors` rules may be written relative to it).
 */
export function structureExperiments(
  series: readonly Series[],
  factorRules: readonly PatternRule<string>[],
  context: FactorContext = {},
): { series: Series[]; structure: ExperimentStructure; unmatchedFactorRules: PatternRule<string>[] } {
  const pooled = poolReplicates(series);
  const { factors, unmatched } = pathFactors(pooled.series, factorRules, context);
  return {
    series: pooled.series,
    structure: { replicateGroups: pooled.groups, factors, seriesBeforePooling: series.length },
    unmatchedFactorRules: unmatched,
  };
}
