import { seriesId } from '../metrics/identity.js';
import type { HardwareIdentity } from '../model/hardware.js';
import type { Snapshot, SnapshotSeries } from '../model/snapshot.js';

/**
 * A merged snapshot's series split by the hardware label, each machine's
 * series back under the ids a shard on it writes (the label taken out),
 * in the order the snapshot lists the machines.
 */
export function splitMergedSnapshot(snapshot: Snapshot): { hardware: HardwareIdentity; series: SnapshotSeries[] }[] {
  const merged = snapshot.merged;
  if (!merged) return [];
  const groups = new Map(merged.hardware.map((h) => [h.id, { hardware: h, series: [] as SnapshotSeries[] }]));
  for (const s of snapshot.series) {
    const hw = s.labels[merged.label];
    const group = hw === undefined ? undefined : groups.get(hw);
    if (!group) continue;
    const { [merged.label]: _hw, ...labels } = s.labels;
    const repeat = /#\d+$/.exec(s.id)?.[0] ?? '';
    group.series.push({ ...s, labels, id: `${seriesId(s.file, s.metric, labels)}${repeat}` });
  }
  return [...groups.values()].filter((g) => g.series.length > 0);
}
