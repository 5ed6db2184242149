import { HARDWARE_ID, type GpuGroup, type HardwareIdentity } from '../model/hardware.js';
import { cleanText } from './detect.js';
import { isObject } from '../util/is-object.js';

/** hardware.json: what `mode: shard` writes beside snapshot.json. */
export const HARDWARE_FILE = 'hardware.json';

/** GPU models a machine may list: more is not a machine. */
const MAX_GPU_GROUPS = 16;
const MAX_GPUS = 1024;

export class HardwareError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HardwareError';
  }
}

/** A hardware id as a message may quote it: a name that failed the check is shown cut and JSON-quoted, never as written. */
export function quotedName(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function text(value: unknown, at: string, limit = 120): string {
  if (typeof value !== 'string') throw new HardwareError(`${at} must be a string`);
  return cleanText(value, limit);
}

function optionalText(value: unknown, at: string, limit?: number): string | undefined {
  return value === undefined ? undefined : text(value, at, limit);
}

/**
 * A hardware identity read from a file another job wrote (hardware.json, or
 * `hardware` in a snapshot): the id must be a plain name (it goes into cache
 * keys, labels and the report), text is flattened and bounded, and fields
 * this version does not know are dropped. Throws HardwareError naming the field.
 */
export function validateHardware(data: unknown): HardwareIdentity {
  if (!isObject(data)) throw new HardwareError('is not a JSON object');
  if (typeof data.id !== 'string' || !HARDWARE_ID.test(data.id)) {
    throw new HardwareError(`id ${quotedName(data.id)} is not a hardware name (letters, digits, '.', '_', '-', at most 48, starting with a letter or digit)`);
  }
  const idSource = data.idSource;
  if (idSource !== 'input' && idSource !== 'gpu' && idSource !== 'cpu') throw new HardwareError('idSource must be input, gpu or cpu');
  const out: HardwareIdentity = { id: data.id, idSource, os: text(data.os, 'os', 40), arch: text(data.arch, 'arch', 40), gpus: [] };
  if (!Array.isArray(data.gpus) || data.gpus.length > MAX_GPU_GROUPS) throw new HardwareError(`gpus must be an array of at most ${MAX_GPU_GROUPS} groups`);
  out.gpus = data.gpus.map((g: unknown, i: number): GpuGroup => {
    const at = `gpus[${i}]`;
    if (!isObject(g)) throw new HardwareError(`${at} is not an object`);
    if (g.vendor !== 'nvidia' && g.vendor !== 'amd') throw new HardwareError(`${at}.vendor must be nvidia or amd`);
    if (!Number.isInteger(g.count) || (g.count as number) < 1 || (g.count as number) > MAX_GPUS) throw new HardwareError(`${at}.count must be a whole number from 1 to ${MAX_GPUS}`);
    const group: GpuGroup = { vendor: g.vendor, model: text(g.model, `${at}.model`), count: g.count as number };
    if (g.memoryMiB !== undefined) {
      if (typeof g.memoryMiB !== 'number' || !Number.isFinite(g.memoryMiB) || g.memoryMiB <= 0 || g.memoryMiB > 1e9) throw new HardwareError(`${at}.memoryMiB must be a positive number`);
      group.memoryMiB = g.memoryMiB;
    }
    const driver = optionalText(g.driver, `${at}.driver`, 40);
    if (driver) group.driver = driver;
    return group;
  });
  if (data.cpu !== undefined) {
    const cpu = data.cpu;
    if (!isObject(cpu) || !Number.isInteger(cpu.cores) || (cpu.cores as number) < 1 || (cpu.cores as number) > 100_000) throw new HardwareError('cpu must be { model, cores }');
    out.cpu = { model: text(cpu.model, 'cpu.model'), cores: cpu.cores as number };
  }
  if (data.runner !== undefined) {
    const r = data.runner;
    if (!isObject(r)) throw new HardwareError('runner must be an object');
    const runner: NonNullable<HardwareIdentity['runner']> = {};
    for (const key of ['name', 'os', 'arch', 'environment'] as const) {
      const v = optionalText(r[key], `runner.${key}`, 80);
      if (v) runner[key] = v;
    }
    out.runner = runner;
  }
  if (data.notes !== undefined) {
    if (!Array.isArray(data.notes) || data.notes.length > 8) throw new HardwareError('notes must be an array of at most 8 strings');
    out.notes = data.notes.map((n: unknown, i: number) => text(n, `notes[${i}]`, 200));
  }
  return out;
}

export function serialiseHardware(h: HardwareIdentity): string {
  return `${JSON.stringify(h, null, 2)}\n`;
}
