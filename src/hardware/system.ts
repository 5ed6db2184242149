import os from 'node:os';
import type { HardwareIdentity } from '../model/hardware.js';
import { detectHardware } from './detect.js';
import { systemProbe } from './probe.js';

/** This machine's hardware, as the action and the CLI record it; `explicit` is the `hardware` input. */
export function detectSystemHardware(explicit: string | undefined): Promise<HardwareIdentity> {
  return detectHardware({
    ...(explicit ? { explicit } : {}),
    env: process.env,
    system: { platform: os.platform(), arch: os.arch(), cpus: os.cpus() },
    probe: systemProbe,
  });
}
