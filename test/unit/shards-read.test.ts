import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findShardFolders, readShard, readShards, SHARD_LIMITS } from '../../src/shards/read.js';
import { machine, suite, writeShard } from '../helpers/shards.js';
import { useTempDir } from '../helpers/tmp.js';

const tmp = useTempDir('chimera-shards-');

describe('finding shard folders', () => {
  it('takes a folder holding hardware.json as a shard, and a folder holding shard folders as them all (download-artifact’s layout)', async () => {
    await writeShard(path.join(tmp.dir, 'shards', 'shard-h100'), machine('h100'), suite(3));
    await writeShard(path.join(tmp.dir, 'shards', 'shard-l4'), machine('l4'), suite(1));
    expect(await findShardFolders(['shards'], tmp.dir)).toEqual({
      folders: [
        { dir: path.join(tmp.dir, 'shards', 'shard-h100'), name: 'shards/shard-h100' },
        { dir: path.join(tmp.dir, 'shards', 'shard-l4'), name: 'shards/shard-l4' },
      ],
      problems: [],
    });
    expect((await findShardFolders(['shards/*'], tmp.dir)).folders.map((f) => f.name)).toEqual(['shards/shard-h100', 'shards/shard-l4']);
  });

  it('names a pattern that finds nothing and a folder that holds no shard', async () => {
    mkdirSync(path.join(tmp.dir, 'empty'));
    expect((await findShardFolders(['shards/*', 'empty'], tmp.dir)).problems).toEqual([
      { name: 'shards/*', reason: 'matches no folder', level: 'error' },
      { name: 'empty', reason: 'holds no shard (no hardware.json or snapshot.json in it or in a folder inside it)', level: 'error' },
    ]);
  });

  it('never follows a symlinked folder', async () => {
    await writeShard(path.join(tmp.dir, 'elsewhere', 'h100'), machine('h100'), suite(3));
    mkdirSync(path.join(tmp.dir, 'shards'));
    symlinkSync(path.join(tmp.dir, 'elsewhere', 'h100'), path.join(tmp.dir, 'shards', 'h100'));
    expect((await findShardFolders(['shards'], tmp.dir)).folders).toEqual([]);
  });
});

describe('reading a shard', () => {
  it('reads its hardware, every series and the files it analysed', async () => {
    const dir = path.join(tmp.dir, 'h100');
    await writeShard(dir, machine('h100'), suite(3), { commit: 'a'.repeat(40) });
    const { shard, problems } = await readShard(dir, 'h100');
    expect(problems).toEqual([]);
    expect(shard?.hardware).toEqual(machine('h100'));
    expect(shard?.snapshot.commit).toEqual({ sha: 'a'.repeat(40), ref: 'main' });
    expect(shard?.snapshot.series.map((s) => [s.id, s.stats.mean])).toEqual([['bench/runs.csv::tokens_s{model=llama3}', 300]]);
    expect(shard?.report?.files.map((f) => [f.path, f.status, f.series])).toEqual([['bench/runs.csv', 'parsed', 1]]);
  });

  it('leaves out a folder without hardware.json, by name', async () => {
    const dir = path.join(tmp.dir, 'h100');
    await writeShard(dir, machine('h100'), suite(3));
    rmSync(path.join(dir, 'hardware.json'));
    expect(await readShard(dir, 'h100')).toEqual({
      problems: [{ name: 'h100', reason: 'has no hardware.json (not a shard folder: write one with mode: shard or chimera-insight shard)', level: 'error' }],
    });
  });

  it('refuses a snapshot.json that is a symlink (it could point at any file on the runner)', async () => {
    const dir = path.join(tmp.dir, 'h100');
    await writeShard(dir, machine('h100'), suite(3));
    rmSync(path.join(dir, 'snapshot.json'));
    symlinkSync('/etc/passwd', path.join(dir, 'snapshot.json'));
    expect((await readShard(dir, 'h100')).problems).toEqual([{ name: 'h100', reason: 'snapshot.json is a symbolic link, which a shard may not hold', level: 'error' }]);
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO as snapshot.json instead of waiting on it', async () => {
    const dir = path.join(tmp.dir, 'h100');
    await writeShard(dir, machine('h100'), suite(3));
    rmSync(path.join(dir, 'snapshot.json'));
    execFileSync('mkfifo', [path.join(dir, 'snapshot.json')]);
    expect((await readShard(dir, 'h100')).problems).toEqual([{ name: 'h100', reason: 'snapshot.json is not a regular file', level: 'error' }]);
  });

  it('refuses a hardware.json past its cap before reading it', async () => {
    const dir = path.join(tmp.dir, 'h100');
    await writeShard(dir, machine('h100'), suite(3));
    writeFileSync(path.join(dir, 'hardware.json'), ' '.repeat(SHARD_LIMITS.hardwareBytes + 1));
    expect((await readShard(dir, 'h100')).problems).toEqual([{ name: 'h100', reason: 'hardware.json is 65.5 kB, over the 65.5 kB a shard file may have', level: 'error' }]);
  });

  it('refuses a hardware name that could reach a key, a log line or Markdown as written, quoting it', async () => {
    const dir = path.join(tmp.dir, 'h100');
    await writeShard(dir, machine('h100'), suite(3));
    writeFileSync(path.join(dir, 'hardware.json'), JSON.stringify({ ...machine('h100'), id: 'h100\n::error::pwned`' }));
    expect((await readShard(dir, 'h100')).problems).toEqual([
      { name: 'h100', reason: `hardware.json id "h100\\n::error::pwned\`" is not a hardware name (letters, digits, '.', '_', '-', at most 48, starting with a letter or digit)`, level: 'error' },
    ]);
  });

  it('refuses a snapshot whose hardware is not the folder’s', async () => {
    const dir = path.join(tmp.dir, 'h100');
    await writeShard(dir, machine('h100'), suite(3));
    writeFileSync(path.join(dir, 'hardware.json'), JSON.stringify(machine('a100')));
    expect((await readShard(dir, 'h100')).problems).toEqual([{ name: 'h100', reason: 'hardware.json names hardware "a100" but snapshot.json "h100"', level: 'error' }]);
  });

  it('refuses invalid JSON and a merged snapshot posing as one machine’s', async () => {
    const dir = path.join(tmp.dir, 'h100');
    await writeShard(dir, machine('h100'), suite(3));
    const snapshot = JSON.parse(readFileSync(path.join(dir, 'snapshot.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(dir, 'snapshot.json'), JSON.stringify({ ...snapshot, hardware: undefined, merged: { label: 'hardware', hardware: [machine('h100')] } }));
    expect((await readShard(dir, 'h100')).problems).toEqual([{ name: 'h100', reason: "snapshot.json is a merged snapshot, not one machine's", level: 'error' }]);
    writeFileSync(path.join(dir, 'snapshot.json'), '{"tool": "chimera-insight", ');
    expect((await readShard(dir, 'h100')).problems[0]?.reason).toMatch(/^snapshot\.json: is not valid JSON \(/);
  });

  it('merges the series of a shard without report.json, and says its files are not listed', async () => {
    const dir = path.join(tmp.dir, 'h100');
    await writeShard(dir, machine('h100'), suite(3));
    rmSync(path.join(dir, 'report.json'));
    const { shard, problems } = await readShard(dir, 'h100');
    expect(shard?.snapshot.series).toHaveLength(1);
    expect(shard?.report).toBeUndefined();
    expect(problems).toEqual([{ name: 'h100', reason: 'has no report.json: its series are merged, its files are not listed', level: 'warning' }]);
  });

  it('reports every shard that cannot be read by name, and reads the others', async () => {
    await writeShard(path.join(tmp.dir, 'shards', 'h100'), machine('h100'), suite(3));
    await writeShard(path.join(tmp.dir, 'shards', 'l4'), machine('l4'), suite(1));
    writeFileSync(path.join(tmp.dir, 'shards', 'l4', 'snapshot.json'), 'not json');
    const { shards, problems } = await readShards(['shards/*'], tmp.dir);
    expect(shards.map((s) => s.name)).toEqual(['shards/h100']);
    expect(problems.map((p) => `${p.level} ${p.name}: ${p.reason.slice(0, 32)}`)).toEqual(['error shards/l4: snapshot.json: is not valid JSON']);
  });
});
