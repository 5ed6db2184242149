import type { Config } from '../config.js';
import type { SkippedNarrative } from '../model/report.js';

/** A shard's report has no narrative: the merge writes one for every shard. */
export const SHARD_NARRATIVE: SkippedNarrative = {
  status: 'skipped',
  reason: 'a shard is not narrated; the merge job writes one narrative for every shard.',
};

/**
 * The configuration a shard runs with: no baseline (the merge compares each
 * hardware with its own) and no model (the merge narrates once).
 */
export function forShard(config: Config): Config {
  return { ...config, gate: { ...config.gate, baseline: { kind: 'none' } }, llm: { ...config.llm, enabled: false } };
}
