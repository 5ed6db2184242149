import { ConfigError, listInput, type InputReader } from '../config-input.js';
import { HARDWARE_ID } from '../model/hardware.js';

/**
 * `report`: analyse, compare, comment, gate (one job). `shard`: analyse and
 * write the shard folder for a later merge, nothing else. `merge`: one report
 * from many shard folders (docs/several-runners.md).
 */
export type RunMode = 'report' | 'shard' | 'merge';

export interface ShardConfig {
  mode: RunMode;
  /** `shards` input: globs of shard folders (merge only). */
  shards: string[];
  /** `hardware` input: names this machine's hardware instead of deriving it. */
  hardware?: string;
}

/** The inputs `mode`, `shards` and `hardware`. */
export function readShardConfig(read: InputReader): ShardConfig {
  const rawMode = read('mode').trim().toLowerCase();
  const mode = rawMode === '' ? 'report' : rawMode;
  if (mode !== 'report' && mode !== 'shard' && mode !== 'merge') throw new ConfigError('mode', `"${read('mode').trim()}" must be report, shard or merge`);
  const shards = listInput(read('shards'));
  if (mode === 'merge' && shards.length === 0) throw new ConfigError('shards', 'mode: merge needs the shard folders to merge, e.g. "shards/*"');
  if (mode !== 'merge' && shards.length > 0) throw new ConfigError('shards', `is read only with mode: merge (mode is ${mode})`);
  const hardware = read('hardware').trim();
  if (hardware && !HARDWARE_ID.test(hardware)) {
    throw new ConfigError('hardware', `"${hardware.slice(0, 60)}" must be a plain name: letters, digits, '.', '_', '-' (at most 48), starting with a letter or digit, e.g. h100 or l4-24gb`);
  }
  return { mode, shards, ...(hardware ? { hardware } : {}) };
}

/** The entries the report's configuration table adds for these inputs; none in the default report mode. */
export function describeShardConfig(c: ShardConfig): Record<string, string> {
  const out: Record<string, string> = {};
  if (c.mode !== 'report') out.mode = c.mode;
  if (c.shards.length > 0) out.shards = c.shards.join(', ');
  if (c.hardware) out.hardware = c.hardware;
  return out;
}
