import { performance } from 'node:perf_hooks';
import { addGateNotices } from '../baseline/notices.js';
import type { Config } from '../config.js';
import { hardwareText } from '../hardware/detect.js';
import { detectSystemHardware } from '../hardware/system.js';
import { runPipeline } from '../pipeline.js';
import { logSafe } from '../util/log-safe.js';
import { plural } from '../util/text.js';
import { forShard, SHARD_NARRATIVE } from './shard.js';
import { writeShardFiles } from './write.js';

/**
 * `chimera-insight shard [dir] --out DIR`: the analysis, then the shard
 * folder (snapshot.json, report.json, report.md, hardware.json) in DIR for a
 * later `merge`. Exit 2 only for a configuration error; nothing is gated here.
 */
export async function shardCommand(config: Config, io: { stderr: (text: string) => void }): Promise<number> {
  const hardware = await detectSystemHardware(config.hardware);
  const shardConfig = forShard(config);
  const result = await runPipeline(shardConfig, {
    now: () => new Date(),
    elapsed: () => performance.now(),
    narrative: SHARD_NARRATIVE,
    hardware,
    compare: async (report) => addGateNotices(report, config.gate),
  });
  const dir = shardConfig.outputDir as string;
  await writeShardFiles(dir, result.report);
  const notices = result.report.notices ?? [];
  for (const n of notices) io.stderr(`${n.level}: --${n.input === 'format' ? 'input-format' : n.input}: ${logSafe(n.message)}\n`);
  for (const note of hardware.notes ?? []) io.stderr(`note: ${logSafe(note)}\n`);
  const totals = result.report.inventory.totals;
  io.stderr(`Shard ${hardware.id} (${logSafe(hardwareText(hardware))}): ${plural(result.report.series.length, 'series', 'series')} from ${plural(totals.parsed, 'file')} written to ${dir}\n`);
  return notices.some((n) => n.level === 'error') ? 2 : 0;
}
