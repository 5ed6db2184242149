/**
 * The machine a run measured on, recorded in its report and snapshot, and
 * the hardware id baselines are kept apart by (cache keys, the
 * default-branch history, the series of a merged report).
 */

/** GPUs of one model on the machine. */
export interface GpuGroup {
  vendor: 'nvidia' | 'amd';
  /** As the vendor's tool names it, e.g. `NVIDIA H100 80GB HBM3`. */
  model: string;
  count: number;
  /** Memory of one GPU in MiB, when the tool says. */
  memoryMiB?: number;
  driver?: string;
}

export interface HardwareIdentity {
  /**
   * Stable name used in keys and labels: the `hardware` input, else derived
   * from the GPU model and count (`1x-nvidia-l4`), else from the OS and
   * architecture (`linux-x64`; the CPU model varies within a runner label,
   * so it is not part of the id). Matches HARDWARE_ID.
   */
  id: string;
  /** Where the id came from. */
  idSource: 'input' | 'gpu' | 'cpu';
  /** The runner as GitHub names it (RUNNER_NAME, RUNNER_OS, RUNNER_ARCH, RUNNER_ENVIRONMENT); absent outside Actions. */
  runner?: { name?: string; os?: string; arch?: string; environment?: string };
  /** Node's platform and architecture, e.g. `linux`, `x64`. */
  os: string;
  arch: string;
  cpu?: { model: string; cores: number };
  /** Empty when no GPU tool answered (absence is normal). */
  gpus: GpuGroup[];
  /** What the GPU probes said when they did not answer normally (a timeout, a driver error). */
  notes?: string[];
}

/**
 * Hardware ids: short, key-safe and Markdown-safe. Ids read from shards are
 * checked against it, so a hostile name never reaches a cache key, a label or
 * the log as written.
 */
export const HARDWARE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,47}$/;

/** A folder written by `mode: shard` (or `chimera-insight shard`), as a merged report lists it. */
export interface ShardSummary {
  /** The shard folder's name (e.g. the artifact's name). */
  name: string;
  hardware: HardwareIdentity;
  series: number;
  /** Files read with metrics on that machine. */
  files: number;
  commit?: { sha: string; ref?: string };
  /**
   * The baseline its series were compared with: the same hardware's, another
   * hardware's (then nothing of it gates), or none.
   */
  baseline?: { hardware: string | null; description: string; createdAt?: string; sameHardware: boolean };
}
