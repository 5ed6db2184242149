import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConfig, ConfigError, describeConfig } from '../../src/config.js';

const build = (inputs: Record<string, string>) => buildConfig((name) => inputs[name] ?? '', { workspace: path.resolve('/srv/w'), defaultOutputDir: undefined });

function errorOf(inputs: Record<string, string>): string {
  try {
    build(inputs);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('mode, shards and hardware inputs', () => {
  it('default to one report of this job, the hardware derived, and add nothing to the configuration table', () => {
    const config = build({});
    expect([config.mode, config.shards, config.hardware]).toEqual(['report', [], undefined]);
    expect(Object.keys(describeConfig(config))).not.toContain('mode');
  });

  it('read a merge of shard globs, and a shard on named hardware', () => {
    const merge = build({ mode: 'Merge', shards: 'shards/*\nmore/shard-*' });
    expect([merge.mode, merge.shards]).toEqual(['merge', ['shards/*', 'more/shard-*']]);
    expect(describeConfig(merge)).toMatchObject({ mode: 'merge', shards: 'shards/*, more/shard-*' });
    const shard = build({ mode: 'shard', hardware: 'l4-24gb' });
    expect([shard.mode, shard.hardware]).toEqual(['shard', 'l4-24gb']);
    expect(describeConfig(shard)).toMatchObject({ mode: 'shard', hardware: 'l4-24gb' });
  });

  it('refuse an unknown mode, a merge without shards, and shards without a merge', () => {
    expect(errorOf({ mode: 'fanout' })).toBe(`Input 'mode': "fanout" must be report, shard or merge`);
    expect(errorOf({ mode: 'merge' })).toBe(`Input 'shards': mode: merge needs the shard folders to merge, e.g. "shards/*"`);
    expect(errorOf({ shards: 'shards/*' })).toBe(`Input 'shards': is read only with mode: merge (mode is report)`);
  });

  it('refuse a hardware name that is not a plain name (it goes into cache keys and labels)', () => {
    expect(errorOf({ hardware: 'NVIDIA H100 80GB' })).toBe(`Input 'hardware': "NVIDIA H100 80GB" must be a plain name: letters, digits, '.', '_', '-' (at most 48), starting with a letter or digit, e.g. h100 or l4-24gb`);
    expect(errorOf({ hardware: '-x' })).toMatch(/^Input 'hardware': "-x" must be a plain name/);
  });
});
