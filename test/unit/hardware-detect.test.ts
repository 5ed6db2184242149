import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cpuHardwareId, detectHardware, gpuHardwareId, hardwareText, NVIDIA_SMI_ARGS, parseNvidiaSmi, parseRocmSmi, ROCM_SMI_ARGS } from '../../src/hardware/detect.js';
import { systemProbe, type Probe, type ProbeResult } from '../../src/hardware/probe.js';
import { HardwareError, validateHardware } from '../../src/hardware/validate.js';
import { repoRoot } from '../helpers/run-action.js';
import { useTempDir } from '../helpers/tmp.js';

const fixture = (name: string) => readFileSync(path.join(repoRoot, 'test', 'fixtures', 'hardware', name), 'utf8');

const EPYC = { platform: 'linux', arch: 'x64', cpus: Array.from({ length: 64 }, () => ({ model: 'AMD EPYC 7763 64-Core Processor' })) };

/** A probe that answers as recorded per tool, and records what it was asked. */
function recorded(answers: Partial<Record<'nvidia-smi' | 'rocm-smi', ProbeResult>>): { probe: Probe; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    probe: async (command, args, timeoutMs) => {
      asked.push(`${command} ${args.join(' ')} (${timeoutMs} ms)`);
      return answers[command as 'nvidia-smi' | 'rocm-smi'] ?? { kind: 'absent' };
    },
  };
}

describe('nvidia-smi output', () => {
  it('one L4: its model, memory in MiB and driver', () => {
    expect(parseNvidiaSmi(fixture('nvidia-smi-l4.csv'))).toEqual([{ vendor: 'nvidia', model: 'NVIDIA L4', count: 1, memoryMiB: 23034, driver: '550.90.07' }]);
  });

  it('eight H100s of one model are one group of eight', () => {
    expect(parseNvidiaSmi(fixture('nvidia-smi-8xh100.csv'))).toEqual([{ vendor: 'nvidia', model: 'NVIDIA H100 80GB HBM3', count: 8, memoryMiB: 81559, driver: '550.54.15' }]);
  });

  it('keeps a comma in a name out of the memory and driver fields, and memory it cannot read out of the record', () => {
    expect(parseNvidiaSmi('Some GPU, rev 2, [N/A], 535.1\n')).toEqual([{ vendor: 'nvidia', model: 'Some GPU, rev 2', count: 1, driver: '535.1' }]);
  });
});

describe('rocm-smi output', () => {
  it('two MI300X after a warning line: the card series, VRAM in MiB, the system driver', () => {
    expect(parseRocmSmi(fixture('rocm-smi-2xmi300x.json'))).toEqual([{ vendor: 'amd', model: 'AMD Instinct MI300X OAM', count: 2, memoryMiB: 196592, driver: '6.7.0' }]);
  });

  it('falls back from a hex model id to the next name, and reads nothing from text that is not JSON', () => {
    expect(parseRocmSmi('{"card0": {"Card model": "0x73bf", "Card SKU": "D41205"}}')).toEqual([{ vendor: 'amd', model: 'D41205', count: 1 }]);
    expect(parseRocmSmi('ERROR: no GPUs found')).toEqual([]);
  });
});

describe('hardware ids', () => {
  it('are the GPU count and model, or, without a GPU, the OS and architecture (never the CPU model, which varies within a runner label)', () => {
    expect(gpuHardwareId(parseNvidiaSmi(fixture('nvidia-smi-8xh100.csv')))).toBe('8x-nvidia-h100-80gb-hbm3');
    expect(gpuHardwareId(parseNvidiaSmi(fixture('nvidia-smi-l4.csv')))).toBe('1x-nvidia-l4');
    expect(cpuHardwareId('darwin', 'arm64')).toBe('darwin-arm64');
    expect(cpuHardwareId('linux', 'x64')).toBe('linux-x64');
  });

  it('stay within 48 characters, a long one ending in a hash of the whole', () => {
    const id = gpuHardwareId([
      { vendor: 'nvidia', model: 'NVIDIA A100-SXM4-80GB', count: 4 },
      { vendor: 'nvidia', model: 'NVIDIA RTX 6000 Ada Generation', count: 2 },
    ]);
    expect(id).toBe('4x-nvidia-a100-sxm4-80gb_2x-nvidia-rtx-60-cd7679');
    expect(id?.length).toBeLessThanOrEqual(48);
  });
});

describe('detectHardware', () => {
  it('on an L4 runner: the GPU names the hardware, with the runner GitHub names and the CPU', async () => {
    const { probe, asked } = recorded({ 'nvidia-smi': { kind: 'output', code: 0, stdout: fixture('nvidia-smi-l4.csv') } });
    const h = await detectHardware({ env: { RUNNER_NAME: 'gpu-l4-03', RUNNER_OS: 'Linux', RUNNER_ARCH: 'X64', RUNNER_ENVIRONMENT: 'self-hosted' }, system: EPYC, probe });
    expect(h).toEqual({
      id: '1x-nvidia-l4',
      idSource: 'gpu',
      os: 'linux',
      arch: 'x64',
      gpus: [{ vendor: 'nvidia', model: 'NVIDIA L4', count: 1, memoryMiB: 23034, driver: '550.90.07' }],
      cpu: { model: 'AMD EPYC 7763 64-Core Processor', cores: 64 },
      runner: { name: 'gpu-l4-03', os: 'Linux', arch: 'X64', environment: 'self-hosted' },
    });
    expect(hardwareText(h)).toBe('1× NVIDIA L4 (22.5 GiB)');
    // No shell: the program and its fixed arguments, with the deadline.
    expect(asked).toEqual([`nvidia-smi ${NVIDIA_SMI_ARGS.join(' ')} (5000 ms)`, `rocm-smi ${ROCM_SMI_ARGS.join(' ')} (5000 ms)`]);
  });

  it('on an 8-GPU H100 node: one group of eight', async () => {
    const { probe } = recorded({ 'nvidia-smi': { kind: 'output', code: 0, stdout: fixture('nvidia-smi-8xh100.csv') } });
    const h = await detectHardware({ env: {}, system: EPYC, probe });
    expect(h.id).toBe('8x-nvidia-h100-80gb-hbm3');
    expect(hardwareText(h)).toBe('8× NVIDIA H100 80GB HBM3 (79.6 GiB)');
    expect(h.notes).toBeUndefined();
  });

  it('on a ROCm box: the AMD GPUs', async () => {
    const { probe } = recorded({ 'rocm-smi': { kind: 'output', code: 0, stdout: fixture('rocm-smi-2xmi300x.json') } });
    expect((await detectHardware({ env: {}, system: EPYC, probe })).id).toBe('2x-amd-instinct-mi300x-oam');
  });

  it('without a GPU (nvidia-smi finds no device, rocm-smi is not installed): the OS and architecture name it, the CPU is recorded, and nothing is noted', async () => {
    const { probe } = recorded({ 'nvidia-smi': { kind: 'output', code: 6, stdout: fixture('nvidia-smi-no-devices.txt') } });
    const h = await detectHardware({ env: {}, system: EPYC, probe });
    expect(h).toEqual({ id: 'linux-x64', idSource: 'cpu', os: 'linux', arch: 'x64', gpus: [], cpu: { model: 'AMD EPYC 7763 64-Core Processor', cores: 64 } });
    expect(hardwareText(h)).toBe('AMD EPYC 7763 64-Core Processor, 64 cores (x64)');
  });

  it('with a driver that is not loaded: the failure is noted, the CPU names it', async () => {
    const { probe } = recorded({ 'nvidia-smi': { kind: 'output', code: 9, stdout: fixture('nvidia-smi-driver-failure.txt') } });
    const h = await detectHardware({ env: {}, system: EPYC, probe });
    expect(h.idSource).toBe('cpu');
    expect(h.notes).toEqual([
      "nvidia-smi exited with code 9: NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.",
    ]);
  });

  it('with a tool that hangs: the timeout is noted and the rest stands', async () => {
    const { probe } = recorded({ 'nvidia-smi': { kind: 'timeout', ms: 5000 }, 'rocm-smi': { kind: 'output', code: 0, stdout: fixture('rocm-smi-2xmi300x.json') } });
    const h = await detectHardware({ env: {}, system: EPYC, probe });
    expect(h.id).toBe('2x-amd-instinct-mi300x-oam');
    expect(h.notes).toEqual(['nvidia-smi did not answer within 5 s']);
  });

  it('with the hardware input: that name, whatever the GPUs', async () => {
    const { probe } = recorded({ 'nvidia-smi': { kind: 'output', code: 0, stdout: fixture('nvidia-smi-8xh100.csv') } });
    const h = await detectHardware({ explicit: 'h100-node', env: {}, system: EPYC, probe });
    expect(h.id).toBe('h100-node');
    expect(h.idSource).toBe('input');
    expect(h.gpus[0]?.count).toBe(8);
  });

  it('flattens control characters in what the machine says (a runner name is text from the machine)', async () => {
    const { probe } = recorded({});
    const h = await detectHardware({ env: { RUNNER_NAME: 'gpu\n::error::owned' }, system: EPYC, probe });
    expect(h.runner).toEqual({ name: 'gpu ::error::owned' });
  });
});

describe('systemProbe (the real spawn)', () => {
  const tmp = useTempDir('chimera-probe-');

  function tool(name: string, body: string): string {
    const file = path.join(tmp.dir, name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
    return file;
  }

  function alive(pid: number): boolean {
    try {
      process.kill(pid, 0);
    } catch {
      return false;
    }
    // A killed process nobody has reaped yet is a zombie: gone for our purpose.
    let stat = '';
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return false;
    }
    return !/^\d+ \(.*\) Z/.test(stat);
  }

  it.skipIf(process.platform === 'win32')('reports a program that is not installed as absent', async () => {
    expect(await systemProbe(path.join(tmp.dir, 'no-such-tool'), [], 1000)).toEqual({ kind: 'absent' });
  });

  it.skipIf(process.platform === 'win32')('returns the output and exit code of a program that answers', async () => {
    const file = tool('nvidia-smi', `cat '${path.join(repoRoot, 'test', 'fixtures', 'hardware', 'nvidia-smi-no-devices.txt')}'; exit 6`);
    expect(await systemProbe(file, [...NVIDIA_SMI_ARGS], 5000)).toEqual({ kind: 'output', code: 6, stdout: 'No devices were found\n' });
  });

  it.skipIf(process.platform === 'win32')('kills a tool that hangs, and the child it started, at the deadline', async () => {
    const pidFile = path.join(tmp.dir, 'child.pid');
    const file = tool('nvidia-smi', `sleep 60 & echo $! > '${pidFile}'; wait`);
    expect(await systemProbe(file, [], 300)).toEqual({ kind: 'timeout', ms: 300 });
    const child = Number(readFileSync(pidFile, 'utf8'));
    for (let i = 0; i < 50 && alive(child); i++) await new Promise((r) => setTimeout(r, 20));
    expect(alive(child)).toBe(false);
  });
});

describe('validateHardware (hardware.json from another job)', () => {
  const valid = { id: 'l4', idSource: 'input', os: 'linux', arch: 'x64', gpus: [{ vendor: 'nvidia', model: 'NVIDIA L4', count: 1 }] };

  it('keeps what it knows, flattened, and drops the rest', () => {
    expect(validateHardware({ ...valid, runner: { name: 'a\nb', extra: 1 }, secret: 'x' })).toEqual({ ...valid, runner: { name: 'a b' } });
  });

  it('refuses an id that is not a plain name, quoting it cut short', () => {
    expect(() => validateHardware({ ...valid, id: 'l4\n::error::owned `rm -rf`' })).toThrow(new HardwareError(`id "l4\\n::error::owned \`rm -rf\`" is not a hardware name (letters, digits, '.', '_', '-', at most 48, starting with a letter or digit)`));
    expect(() => validateHardware({ ...valid, id: '../../etc' })).toThrow(HardwareError);
    expect(() => validateHardware({ ...valid, gpus: [{ vendor: 'nvidia', model: 'x', count: 1e9 }] })).toThrow('gpus[0].count must be a whole number from 1 to 1024');
  });
});
