import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CacheClient } from '../../src/baseline/sources/cache.js';

/**
 * The cache service as @actions/cache presents it: entries keyed by string,
 * restore by exact key first, then by each restore key as a prefix, newest
 * entry first; contents are the files under the given directory.
 */
export class FakeCache implements CacheClient {
  entries: { key: string; files: Record<string, string> }[] = [];
  calls: string[] = [];
  available = true;
  failRestore?: Error;
  isFeatureAvailable(): boolean {
    return this.available;
  }
  async saveCache(paths: string[], key: string): Promise<number> {
    this.calls.push(`save ${key}`);
    const dir = paths[0] as string;
    const files: Record<string, string> = {};
    for (const name of readdirSync(dir)) files[name] = readFileSync(path.join(dir, name), 'utf8');
    this.entries.push({ key, files });
    return this.entries.length;
  }
  async restoreCache(paths: string[], primaryKey: string, restoreKeys: string[] = []): Promise<string | undefined> {
    this.calls.push(`restore ${primaryKey} [${restoreKeys.join(', ')}]`);
    if (this.failRestore) throw this.failRestore;
    const newestFirst = [...this.entries].reverse();
    const hit = newestFirst.find((e) => e.key === primaryKey) ?? restoreKeys.map((k) => newestFirst.find((e) => e.key.startsWith(k))).find(Boolean);
    if (!hit) return undefined;
    for (const [name, text] of Object.entries(hit.files)) writeFileSync(path.join(paths[0] as string, name), text);
    return hit.key;
  }
}
