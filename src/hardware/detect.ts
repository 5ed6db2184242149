import { createHash } from 'node:crypto';
import { HARDWARE_ID, type GpuGroup, type HardwareIdentity } from '../model/hardware.js';
import type { Probe, ProbeResult } from './probe.js';

/** How long a GPU tool may take: a wedged driver must not hold the run. */
export const PROBE_TIMEOUT_MS = 5000;

export const NVIDIA_SMI_ARGS = ['--query-gpu=name,memory.total,driver_version', '--format=csv,noheader,nounits'] as const;
export const ROCM_SMI_ARGS = ['--showproductname', '--showmeminfo', 'vram', '--showdriverversion', '--json'] as const;

/** Longest text kept from a tool or the environment: names, not documents. */
const TEXT_LIMIT = 120;

/** Tool output and environment values are text from the machine: one line, no control characters, bounded. */
export function cleanText(value: string, limit = TEXT_LIMIT): string {
  const one = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return one.length > limit ? `${one.slice(0, limit - 1)}…` : one;
}

function positiveNumber(text: string | undefined): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)/.exec(text ?? '');
  const v = m ? Number(m[1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : undefined;
}

/** GPUs of one model become one group, in the order the tool lists them. */
function grouped(gpus: Omit<GpuGroup, 'count'>[]): GpuGroup[] {
  const groups = new Map<string, GpuGroup>();
  for (const g of gpus) {
    const key = `${g.vendor}\u0000${g.model}\u0000${g.memoryMiB ?? ''}\u0000${g.driver ?? ''}`;
    const seen = groups.get(key);
    if (seen) seen.count += 1;
    else groups.set(key, { ...g, count: 1 });
  }
  return [...groups.values()];
}

/**
 * `nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader,nounits`:
 * one line per GPU, `NVIDIA L4, 23034, 550.90.07` (memory in MiB). The name is
 * everything before the last two fields, so a comma in it cannot shift them.
 */
export function parseNvidiaSmi(stdout: string): GpuGroup[] {
  const gpus: Omit<GpuGroup, 'count'>[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const fields = line.split(',').map((f) => f.trim());
    if (fields.length < 3) continue;
    const driver = fields.pop() as string;
    const memory = fields.pop() as string;
    const model = cleanText(fields.join(', '));
    if (!model) continue;
    const gpu: Omit<GpuGroup, 'count'> = { vendor: 'nvidia', model };
    const mib = positiveNumber(memory);
    if (mib !== undefined) gpu.memoryMiB = Math.round(mib);
    if (/^[0-9][0-9A-Za-z.\-]*$/.test(driver)) gpu.driver = cleanText(driver, 40);
    gpus.push(gpu);
  }
  return grouped(gpus);
}

function objectOf(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A field by its name in any capitalisation: rocm-smi releases spell `Card series` and `Card Series`. */
function field(record: Record<string, unknown>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(record)) if (k.toLowerCase() === wanted && typeof v === 'string' && v.trim() !== '') return v;
  return undefined;
}

/**
 * `rocm-smi --showproductname --showmeminfo vram --showdriverversion --json`:
 * an object per card (`card0`, …) with `Card series` (or only a hex `Card
 * model`), `VRAM Total Memory (B)`, and the driver under `system`. Lines
 * before the JSON (warnings some releases print) are skipped.
 */
export function parseRocmSmi(stdout: string): GpuGroup[] {
  const start = stdout.indexOf('{');
  const end = stdout.lastIndexOf('}');
  if (start < 0 || end < start) return [];
  let data: Record<string, unknown> | undefined;
  try {
    data = objectOf(JSON.parse(stdout.slice(start, end + 1)));
  } catch {
    return [];
  }
  if (!data) return [];
  const system = objectOf(data.system);
  const systemDriver = system ? field(system, 'Driver version') : undefined;
  const gpus: Omit<GpuGroup, 'count'>[] = [];
  const cards = Object.keys(data)
    .filter((k) => /^card\d+$/i.test(k))
    .sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
  for (const key of cards) {
    const card = objectOf(data[key]);
    if (!card) continue;
    const series = field(card, 'Card series');
    const model = field(card, 'Card model');
    const name = [series, model, field(card, 'Card SKU')].find((v) => v !== undefined && !/^0x[0-9a-f]+$/i.test(v.trim())) ?? model ?? 'AMD GPU';
    const gpu: Omit<GpuGroup, 'count'> = { vendor: 'amd', model: cleanText(name) };
    const bytes = positiveNumber(field(card, 'VRAM Total Memory (B)'));
    if (bytes !== undefined) gpu.memoryMiB = Math.round(bytes / (1024 * 1024));
    const driver = field(card, 'Driver version') ?? systemDriver;
    if (driver) gpu.driver = cleanText(driver, 40);
    gpus.push(gpu);
  }
  return grouped(gpus);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** An id within HARDWARE_ID's 48 characters: a long one keeps its start and a hash of the whole. */
function fitted(id: string): string {
  if (id.length <= 48) return id;
  return `${id.slice(0, 41).replace(/[-.]+$/, '')}-${createHash('sha256').update(id).digest('hex').slice(0, 6)}`;
}

/** `8x-nvidia-h100-80gb-hbm3`; two models: `1x-nvidia-a100-…_1x-nvidia-l4`. */
export function gpuHardwareId(gpus: readonly GpuGroup[]): string | undefined {
  if (gpus.length === 0) return undefined;
  const id = fitted(gpus.map((g) => `${g.count}x-${slug(g.model) || g.vendor}`).join('_'));
  return HARDWARE_ID.test(id) ? id : undefined;
}

/**
 * `linux-x64`: a machine without a GPU is named by its OS and architecture,
 * not its CPU model. Runners of one label (GitHub-hosted ones among them)
 * come with different CPU models from run to run; named by the CPU, half the
 * comparisons would meet "other hardware" and go ungated, a gate that
 * switches itself off. The CPU model is still recorded; name the hardware
 * (`hardware` input) to keep CPU models apart.
 */
export function cpuHardwareId(platform: string, arch: string): string {
  const id = fitted([slug(platform) || 'unknown-os', slug(arch) || 'cpu'].join('-'));
  return HARDWARE_ID.test(id) ? id : 'unknown-hardware';
}

function probeNote(tool: string, result: ProbeResult, noDevices: RegExp): string | undefined {
  if (result.kind === 'absent') return undefined;
  if (result.kind === 'timeout') return `${tool} did not answer within ${result.ms / 1000} s`;
  if (result.kind === 'error') return `${tool} could not run: ${cleanText(result.message)}`;
  if (result.code === 0 || noDevices.test(result.stdout)) return undefined;
  const said = cleanText(result.stdout.split(/\r?\n/).find((l) => l.trim() !== '') ?? '', 160);
  return `${tool} exited with code ${result.code}${said ? `: ${said}` : ''}`;
}

export interface DetectOptions {
  /** The `hardware` input or `--hardware`: names the hardware outright (already validated). */
  explicit?: string;
  env: Record<string, string | undefined>;
  system: { platform: string; arch: string; cpus: readonly { model: string }[] };
  probe: Probe;
  timeoutMs?: number;
}

/**
 * What this run measures on: the runner GitHub names, the OS, architecture
 * and CPU, and the GPUs nvidia-smi and rocm-smi list. Neither tool being
 * installed is normal; one that hangs or fails is noted, never fatal.
 */
export async function detectHardware(options: DetectOptions): Promise<HardwareIdentity> {
  const timeout = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  const [nvidia, amd] = await Promise.all([options.probe('nvidia-smi', NVIDIA_SMI_ARGS, timeout), options.probe('rocm-smi', ROCM_SMI_ARGS, timeout)]);
  const gpus = [
    ...(nvidia.kind === 'output' && nvidia.code === 0 ? parseNvidiaSmi(nvidia.stdout) : []),
    ...(amd.kind === 'output' && amd.code === 0 ? parseRocmSmi(amd.stdout) : []),
  ];
  const notes = [probeNote('nvidia-smi', nvidia, /no devices were found/i), probeNote('rocm-smi', amd, /no amd gpus|no gpus? (were )?(found|detected)/i)].filter((n): n is string => n !== undefined);
  const cpuModel = options.system.cpus[0]?.model ? cleanText(options.system.cpus[0].model) : undefined;
  const gpuId = gpuHardwareId(gpus);
  const named: Pick<HardwareIdentity, 'id' | 'idSource'> = options.explicit
    ? { id: options.explicit, idSource: 'input' }
    : gpuId
      ? { id: gpuId, idSource: 'gpu' }
      : { id: cpuHardwareId(options.system.platform, options.system.arch), idSource: 'cpu' };
  const identity: HardwareIdentity = { ...named, os: options.system.platform, arch: options.system.arch, gpus };
  if (cpuModel) identity.cpu = { model: cpuModel, cores: options.system.cpus.length };
  const runner: NonNullable<HardwareIdentity['runner']> = {};
  const env = options.env;
  for (const [key, name] of [
    ['name', 'RUNNER_NAME'],
    ['os', 'RUNNER_OS'],
    ['arch', 'RUNNER_ARCH'],
    ['environment', 'RUNNER_ENVIRONMENT'],
  ] as const) {
    const value = env[name] ? cleanText(env[name] as string, 80) : '';
    if (value) runner[key] = value;
  }
  if (Object.keys(runner).length > 0) identity.runner = runner;
  if (notes.length > 0) identity.notes = notes;
  return identity;
}

/** `1× NVIDIA L4 (22.5 GiB)`, `2× … + 1× …`, or the CPU when there is no GPU: what a reader is told the numbers ran on. */
export function hardwareText(h: HardwareIdentity): string {
  if (h.gpus.length > 0) {
    return h.gpus.map((g) => `${g.count}× ${g.model}${g.memoryMiB ? ` (${(g.memoryMiB / 1024).toFixed(1)} GiB)` : ''}`).join(' + ');
  }
  return h.cpu ? `${h.cpu.model}, ${h.cpu.cores} cores (${h.arch})` : `${h.os}/${h.arch}`;
}
