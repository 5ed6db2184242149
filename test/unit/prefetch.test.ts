import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPrefetch, type Prefetcher } from '../../src/parse/prefetch.js';
import { makeTempDir, removeDir } from '../helpers/tmp.js';

let dir: string;
let running: Prefetcher[] = [];

beforeEach(() => {
  dir = makeTempDir('chimera-prefetch-');
  running = [];
});

afterEach(async () => {
  await Promise.all(running.map((p) => p.stop()));
  removeDir(dir);
});

/** `count` files `f00.csv`, … of different lengths; their absolute paths in order. */
function files(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, `f${String(i).padStart(2, '0')}.csv`);
    fs.writeFileSync(file, `model,ttft_ms\nm${i},${'1'.repeat(1 + (i % 7))}\n`);
    return file;
  });
}

function start(paths: string[], options: { ringBytes?: number; maxFileBytes?: number } = {}): Prefetcher {
  const prefetch = startPrefetch(paths, { maxFileBytes: 1_000_000, ...options });
  if (!prefetch) throw new Error('no worker');
  running.push(prefetch);
  return prefetch;
}

/** Waits until the worker has read the next file the caller will take (or gives up after 10 s). */
async function workerAhead(prefetch: Prefetcher): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (prefetch.readAhead() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
}

describe('startPrefetch: files read ahead on a worker thread', () => {
  it('hands over each file with the bytes, size and modification time a read here gives', async () => {
    const paths = files(5);
    const prefetch = start(paths);
    for (const [i, file] of paths.entries()) {
      await workerAhead(prefetch);
      const got = prefetch.take(i);
      const stat = fs.statSync(file);
      expect(got?.bytes.toString('utf8')).toBe(fs.readFileSync(file, 'utf8'));
      expect([got?.size, got?.mtimeMs]).toEqual([stat.size, stat.mtimeMs]);
    }
  });

  it('goes round a ring smaller than the files: 40 files, seven times its 128 bytes, every one from the worker', async () => {
    const paths = files(40);
    const total = paths.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    expect(total).toBeGreaterThan(7 * 128);
    const prefetch = start(paths, { ringBytes: 128 });
    const texts: string[] = [];
    for (let i = 0; i < paths.length; i++) {
      await workerAhead(prefetch);
      texts.push(prefetch.take(i)?.bytes.toString('utf8') ?? 'taken by the caller');
    }
    expect(texts).toEqual(paths.map((f) => fs.readFileSync(f, 'utf8')));
  });

  it('keeps the bytes it handed over intact after the ring space is used again', async () => {
    const paths = files(12);
    const prefetch = start(paths, { ringBytes: 128 });
    const kept: Buffer[] = [];
    for (let i = 0; i < paths.length; i++) {
      await workerAhead(prefetch);
      kept.push(prefetch.take(i)?.bytes as Buffer);
    }
    expect(kept.map((b) => b.toString('utf8'))).toEqual(paths.map((f) => fs.readFileSync(f, 'utf8')));
  });

  it('leaves to the caller a file taken before the worker reached it, and the worker skips it', async () => {
    const paths = files(3);
    const prefetch = start(paths);
    // Taken at once: the worker (about 20 ms to start) cannot have claimed it yet.
    const first = prefetch.take(0);
    await workerAhead(prefetch);
    const rest = [prefetch.take(1), prefetch.take(2)];
    expect(first === undefined || first.bytes.toString('utf8') === fs.readFileSync(paths[0] as string, 'utf8')).toBe(true);
    expect(rest.map((r) => r?.bytes.toString('utf8'))).toEqual([fs.readFileSync(paths[1] as string, 'utf8'), fs.readFileSync(paths[2] as string, 'utf8')]);
  });

  it('leaves to the caller a file it cannot open, an empty one and one past maxFileBytes', async () => {
    const [ok] = files(1) as [string];
    const missing = path.join(dir, 'gone.csv');
    const empty = path.join(dir, 'empty.csv');
    fs.writeFileSync(empty, '');
    const big = path.join(dir, 'big.csv');
    fs.writeFileSync(big, `x\n${'9\n'.repeat(100)}`);
    const last = path.join(dir, 'last.csv');
    fs.writeFileSync(last, 'x\n1\n');
    const prefetch = start([missing, empty, big, ok, last], { maxFileBytes: 64 });
    // The last file is the worker's once it is read ahead: everything before it is decided by then.
    const deadline = Date.now() + 10_000;
    while (prefetch.readAhead() < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    expect([0, 1, 2].map((i) => prefetch.take(i))).toEqual([undefined, undefined, undefined]);
    expect(prefetch.take(3)?.bytes.toString('utf8')).toBe(fs.readFileSync(ok, 'utf8'));
    expect(prefetch.take(4)?.bytes.toString('utf8')).toBe('x\n1\n');
  });

  it('after stop, leaves every file to the caller', async () => {
    const paths = files(3);
    const prefetch = start(paths);
    await workerAhead(prefetch);
    await prefetch.stop();
    await prefetch.stop();
    expect(paths.map((_, i) => prefetch.take(i))).toEqual([undefined, undefined, undefined]);
  });

  it('hands a file over once: taken again, it is left to the caller', async () => {
    const paths = files(2);
    const prefetch = start(paths);
    await workerAhead(prefetch);
    expect(prefetch.take(0)?.bytes.toString('utf8')).toBe(fs.readFileSync(paths[0] as string, 'utf8'));
    expect(prefetch.take(0)).toBeUndefined();
  });

  it('with a file left untaken and the ring full, gives later files to the caller and resumes once it is taken', async () => {
    const paths = files(30);
    const prefetch = start(paths, { ringBytes: 128 });
    await workerAhead(prefetch);
    // The ring (128 bytes, files of 20–26) is full once the worker has read five files: wait for that.
    const deadline = Date.now() + 10_000;
    while (prefetch.readAhead() < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    const text = (i: number) => fs.readFileSync(paths[i] as string, 'utf8');
    // File 0 is skipped: its space cannot be given back, so the worker waits, holding no claim.
    expect([1, 2, 3, 4].map((i) => prefetch.take(i)?.bytes.toString('utf8'))).toEqual([1, 2, 3, 4].map(text));
    expect(prefetch.take(5)).toBeUndefined();
    // Taken late, file 0 is still whole, and the worker goes on with the files after 5.
    expect(prefetch.take(0)?.bytes.toString('utf8')).toBe(text(0));
    await workerAhead(prefetch);
    expect(prefetch.take(6)?.bytes.toString('utf8')).toBe(text(6));
  });

  it('answers undefined for an index outside the list', () => {
    const prefetch = start(files(1));
    expect([prefetch.take(-1), prefetch.take(1)]).toEqual([undefined, undefined]);
  });
});
