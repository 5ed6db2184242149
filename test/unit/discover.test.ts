import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_IGNORE, DEFAULT_PATTERNS } from '../../src/config.js';
import { checkRootFolder, discoverFiles, statUnopened, type DiscoveredFile, type DiscoveryOptions } from '../../src/discover/discover.js';
import { makeTempDir, removeDir, symlinkIn, writeTree } from '../helpers/tmp.js';

let workspace: string;
let outside: string;

beforeEach(() => {
  workspace = makeTempDir('chimera-ws-');
  outside = makeTempDir('chimera-outside-');
});

afterEach(() => {
  vi.restoreAllMocks();
  removeDir(workspace);
  removeDir(outside);
});

function discover(options: Partial<DiscoveryOptions> = {}): Promise<DiscoveredFile[]> {
  return discoverFiles({ workspace, root: workspace, patterns: DEFAULT_PATTERNS, ignore: DEFAULT_IGNORE, ...options });
}

const paths = (files: DiscoveredFile[]) => files.map((f) => f.path);
const byPath = (files: DiscoveredFile[], p: string) => files.find((f) => f.path === p);
/** path → skipReason (undefined when the file will be read). */
const reasons = (files: DiscoveredFile[]) => Object.fromEntries(files.map((f) => [f.path, f.skipReason]));

describe('discoverFiles: listing and order', () => {
  it('lists matching files in code-point order with workspace-relative forward-slash paths', async () => {
    writeTree(workspace, {
      'results/b.json': '{"x":1}',
      'results/a.csv': 'x\n1\n',
      'Z.csv': 'x\n1\n',
      'a.csv': 'x\n1\n',
      '.benchmarks/x/0001.json': '{"x":1}',
      'runs/10/r.jsonl': '{"x":1}\n',
      'runs/9/r.jsonl': '{"x":1}\n',
    });
    expect(paths(await discover())).toEqual([
      '.benchmarks/x/0001.json',
      'Z.csv',
      'a.csv',
      'results/a.csv',
      'results/b.json',
      'runs/10/r.jsonl',
      'runs/9/r.jsonl',
    ]);
  });

  it('gives the same order on every run', async () => {
    const tree: Record<string, string> = {};
    for (let i = 0; i < 40; i++) tree[`d${i % 7}/f${(i * 13) % 40}.csv`] = 'x\n1\n';
    writeTree(workspace, tree);
    const first = paths(await discover());
    expect(first).toHaveLength(40);
    expect(paths(await discover())).toEqual(first);
    expect([...first].sort()).toEqual(first);
  });

  it('lists regular files with absolute path and type, leaving size and time to the reader', async () => {
    writeTree(workspace, { 'results/run.csv': 'a,b\n1,2\n', 'notes/log.txt': 'hello', 'x/y.ndjson': '{}\n' });
    expect(await discover()).toEqual([
      { path: 'notes/log.txt', absolutePath: path.join(workspace, 'notes/log.txt'), type: 'text' },
      { path: 'results/run.csv', absolutePath: path.join(workspace, 'results/run.csv'), type: 'csv' },
      { path: 'x/y.ndjson', absolutePath: path.join(workspace, 'x/y.ndjson'), type: 'jsonl' },
    ]);
  });


  it('gives the absolute path path.join gives for dotted names and a root written with `..` and a trailing slash', async () => {
    writeTree(workspace, { 'a..b/x.csv': 'a\n1\n', '.bench/r.json': '{"x": 1}', 'runs/.../y.csv': 'a\n1\n', 'z/..csv': 'a\n1\n' });
    const root = `${workspace}/runs/../`;
    const files = await discover({ root });
    expect(files.map((f) => [f.path, f.absolutePath])).toEqual(
      ['.bench/r.json', 'a..b/x.csv', 'runs/.../y.csv', 'z/..csv'].map((p) => [p, path.join(root, p)]),
    );
    expect(files.map((f) => f.absolutePath)).toContain(`${workspace}/runs/.../y.csv`);
  });
  it('gives files never opened their byte size and modification time (statUnopened)', async () => {
    writeTree(workspace, { 'results/run.csv': 'a,b\n1,2\n', 'package.json': '{"name":"x"}' });
    const files = await discover();
    const mtimeMs = fs.statSync(path.join(workspace, 'package.json')).mtimeMs;
    statUnopened(files);
    expect(files.map((f) => [f.path, f.size, f.mtimeMs])).toEqual([
      ['package.json', 12, mtimeMs],
      ['results/run.csv', 8, expect.any(Number)],
    ]);
  });

  it('leaves a listed file gone since at size 0 with no time (its read reports why)', async () => {
    writeTree(workspace, { 'results/run.csv': 'a,b\n1,2\n' });
    const files = await discover();
    fs.rmSync(path.join(workspace, 'results/run.csv'));
    statUnopened(files);
    expect(files.map((f) => [f.path, f.size, f.mtimeMs])).toEqual([['results/run.csv', 0, undefined]]);
  });

  it('keeps a size already known (from the read) as it is', async () => {
    writeTree(workspace, { 'results/run.csv': 'a,b\n1,2\n' });
    const files = await discover();
    (files[0] as DiscoveredFile).size = 99;
    statUnopened(files);
    expect(files[0]?.size).toBe(99);
  });

  it('lists only files matching the patterns', async () => {
    writeTree(workspace, { 'a.csv': '', 'b.py': '', 'c.json': '', 'd.yaml': '', 'e.md': '' });
    expect(paths(await discover())).toEqual(['a.csv', 'c.json', 'e.md']);
    expect(paths(await discover({ patterns: ['**/*.json'] }))).toEqual(['c.json']);
  });

  it('never lists directories, even ones named like a result file', async () => {
    writeTree(workspace, { 'looks.json/inner.csv': 'x\n1\n' });
    expect(paths(await discover())).toEqual(['looks.json/inner.csv']);
  });

  it('searches only below root but shows paths relative to the workspace', async () => {
    writeTree(workspace, { 'bench/results/run.csv': 'x\n1\n', 'other/run.csv': 'x\n1\n' });
    const files = await discover({ root: path.join(workspace, 'bench') });
    expect(paths(files)).toEqual(['bench/results/run.csv']);
    expect(files[0]?.absolutePath).toBe(path.join(workspace, 'bench/results/run.csv'));
  });
});

describe('discoverFiles: ignores', () => {
  it('skips node_modules, .git, dist and vendor at any depth by default', async () => {
    writeTree(workspace, {
      'node_modules/pkg/data.json': '{"x":1}',
      'packages/a/node_modules/dep/bench.csv': 'x\n1\n',
      '.git/info/x.json': '{"x":1}',
      'dist/out.json': '{"x":1}',
      'sub/dist/out.csv': 'x\n1\n',
      'vendor/lib/v.csv': 'x\n1\n',
      'results/run.csv': 'x\n1\n',
    });
    expect(paths(await discover())).toEqual(['results/run.csv']);
  });

  it("honours the user's ignores next to the defaults", async () => {
    writeTree(workspace, { 'old/run.csv': 'x\n1\n', 'results/run.csv': 'x\n1\n', 'dist/x.csv': 'x\n1\n' });
    expect(paths(await discover({ ignore: [...DEFAULT_IGNORE, 'old/**'] }))).toEqual(['results/run.csv']);
  });

  it('drops everything inside an excluded output directory', async () => {
    writeTree(workspace, {
      'chimera-report/report.json': '{"x":1}',
      'chimera-report/report.md': '# r',
      'chimera-reporter/keep.csv': 'x\n1\n',
      'results/run.csv': 'x\n1\n',
    });
    const files = await discover({ exclude: [path.join(workspace, 'chimera-report')] });
    expect(paths(files)).toEqual(['chimera-reporter/keep.csv', 'results/run.csv']);
  });
});

describe('discoverFiles: symlinks', () => {
  it('lists a symlink to a file outside the workspace with a skip reason', async () => {
    writeTree(outside, { 'secret.json': '{"token": 123}' });
    writeTree(workspace, { 'results/run.csv': 'x\n1\n' });
    symlinkIn(workspace, 'results/leak.json', path.join(outside, 'secret.json'));
    const files = await discover();
    expect(reasons(files)).toEqual({
      'results/leak.json': 'symlink pointing outside the workspace',
      'results/run.csv': undefined,
    });
  });

  it('takes nothing from an outside target: no size, no read', async () => {
    const target = path.join(outside, 'secret.json');
    writeTree(outside, { 'secret.json': '{"token": 123456789}' });
    writeTree(workspace, { 'results/run.csv': 'x\n1\n' });
    symlinkIn(workspace, 'leak.json', target);
    const readFile = vi.spyOn(fs.promises, 'readFile');
    const open = vi.spyOn(fs.promises, 'open');
    const stat = vi.spyOn(fs.promises, 'stat');
    const realpath = vi.spyOn(fs.promises, 'realpath');
    const files = await discover();
    expect(files.slice(0, 1)).toEqual([
      {
        path: 'leak.json',
        absolutePath: path.join(workspace, 'leak.json'),
        type: 'json',
        size: 0,
        skipReason: 'symlink pointing outside the workspace',
      },
    ]);
    const touched = [...readFile.mock.calls, ...open.mock.calls, ...stat.mock.calls].map((c) => String(c[0]));
    // The link itself is resolved (the spies see the calls), its target is never opened or stat'ed.
    expect(realpath.mock.calls.map((c) => String(c[0]))).toContain(path.join(workspace, 'leak.json'));
    expect(touched.filter((p) => p.startsWith(outside))).toEqual([]);
  });

  it('skips a relative symlink that climbs out of the workspace', async () => {
    writeTree(outside, { 'x.csv': 'x\n1\n' });
    symlinkIn(workspace, 'results/x.csv', path.relative(path.join(workspace, 'results'), path.join(outside, 'x.csv')));
    expect(reasons(await discover())).toEqual({ 'results/x.csv': 'symlink pointing outside the workspace' });
  });

  it('does not traverse a symlinked directory inside the workspace', async () => {
    writeTree(workspace, { 'results/run.csv': 'x\n1\n' });
    symlinkIn(workspace, 'mirror', 'results', 'dir');
    expect(paths(await discover())).toEqual(['results/run.csv']);
  });

  it('does not traverse a symlinked directory that points outside', async () => {
    writeTree(outside, { 'a.csv': 'x\n1\n', 'deep/b.json': '{"x":1}' });
    symlinkIn(workspace, 'external', outside, 'dir');
    expect(await discover()).toEqual([]);
  });

  it('marks a symlinked directory with a result-like name as not a regular file', async () => {
    writeTree(workspace, { 'results/run.csv': 'x\n1\n' });
    symlinkIn(workspace, 'linked.json', 'results', 'dir');
    expect(reasons(await discover())).toEqual({ 'linked.json': 'not a regular file', 'results/run.csv': undefined });
  });

  it('reports a symlink to a listed file as a duplicate and keeps the real name', async () => {
    writeTree(workspace, { 'results/run.csv': 'x\n1\n2\n' });
    // 'alias.csv' sorts before 'run.csv', so the link is met first.
    symlinkIn(workspace, 'results/alias.csv', 'run.csv');
    const files = await discover();
    expect(reasons(files)).toEqual({
      'results/alias.csv': 'same file as results/run.csv (symlink)',
      'results/run.csv': undefined,
    });
    expect(byPath(files, 'results/alias.csv')?.size).toBe(6);
  });

  it('reads a symlink whose in-workspace target is not listed, once', async () => {
    writeTree(workspace, { 'raw/data.dat': 'x\n1\n' });
    symlinkIn(workspace, 'results/a.csv', '../raw/data.dat');
    symlinkIn(workspace, 'results/b.csv', '../raw/data.dat');
    expect(reasons(await discover())).toEqual({
      'results/a.csv': undefined,
      'results/b.csv': 'same file as results/a.csv (symlink)',
    });
  });

  it('detects the duplicate when root itself is reached through a symlink', async () => {
    writeTree(workspace, { 'real-results/run.csv': 'x\n1\n' });
    symlinkIn(workspace, 'real-results/alias.csv', 'run.csv');
    symlinkIn(workspace, 'results', 'real-results', 'dir');
    const files = await discover({ root: path.join(workspace, 'results') });
    expect(reasons(files)).toEqual({
      'results/alias.csv': 'same file as results/run.csv (symlink)',
      'results/run.csv': undefined,
    });
  });

  it('lists a broken symlink with a reason', async () => {
    symlinkIn(workspace, 'results/gone.csv', 'missing.csv');
    expect(await discover()).toEqual([
      {
        path: 'results/gone.csv',
        absolutePath: path.join(workspace, 'results/gone.csv'),
        type: 'csv',
        size: 0,
        skipReason: 'broken symlink or unreadable file',
      },
    ]);
  });

  it('accepts a workspace reached through a symlink', async () => {
    writeTree(workspace, { 'ws/results/run.csv': 'x\n1\n' });
    symlinkIn(workspace, 'ws-link', 'ws', 'dir');
    const ws = path.join(workspace, 'ws-link');
    const files = await discoverFiles({ workspace: ws, root: ws, patterns: DEFAULT_PATTERNS, ignore: DEFAULT_IGNORE });
    expect(reasons(files)).toEqual({ 'results/run.csv': undefined });
  });
});

describe('discoverFiles: configuration is not benchmark output', () => {
  const CONFIG_FILES: Record<string, string> = {
    'package.json': '{"name":"x","version":"1.0.0"}',
    'tsconfig.json': '{"compilerOptions":{"strict":true}}',
    'tsconfig.build.json': '{}',
    'package-lock.json': '{"lockfileVersion":3}',
    '.github/workflows/x.json': '{"on":"push"}',
    '.vscode/settings.json': '{"editor.tabSize":2}',
    'schemas/report.schema.json': '{"$schema":"x"}',
    'api/result.schema.json': '{"type":"object"}',
    'README.md': '# Readme',
    'docs/CHANGELOG.md': '## 1.0.0',
    '.eslintrc.json': '{"rules":{}}',
    'requirements.txt': 'numpy==2.0\n',
  };

  it('gives every known configuration file a skip reason', async () => {
    writeTree(workspace, CONFIG_FILES);
    expect(reasons(await discover())).toEqual({
      '.eslintrc.json': 'configuration, manifest or lock file',
      '.github/workflows/x.json': 'in .github/ (CI, editor, tool or schema folder)',
      '.vscode/settings.json': 'in .vscode/ (CI, editor, tool or schema folder)',
      'README.md': 'documentation file (README, CHANGELOG, LICENSE, …)',
      'api/result.schema.json': 'configuration, manifest or lock file',
      'docs/CHANGELOG.md': 'documentation file (README, CHANGELOG, LICENSE, …)',
      'package-lock.json': 'configuration, manifest or lock file',
      'package.json': 'configuration, manifest or lock file',
      'requirements.txt': 'configuration, manifest or lock file',
      'schemas/report.schema.json': 'in schemas/ (CI, editor, tool or schema folder)',
      'tsconfig.build.json': 'configuration, manifest or lock file',
      'tsconfig.json': 'configuration, manifest or lock file',
    });
  });

  it('leaves benchmark-looking files without a skip reason', async () => {
    writeTree(workspace, {
      ...CONFIG_FILES,
      'results/run.csv': 'model,tokens_s\nllama,41.2\n',
      '.benchmarks/x/0001.json': '{"benchmarks":[]}',
      'bench/history.json': '[{"tokens_s": 40}]',
      'runs/20251002-151204/summary.jsonl': '{"ttft_ms": 512}\n',
      'reports/results.md': '| a |\n|---|\n| 1 |\n',
    });
    const readable = (await discover()).filter((f) => f.skipReason === undefined);
    expect(paths(readable)).toEqual([
      '.benchmarks/x/0001.json',
      'bench/history.json',
      'reports/results.md',
      'results/run.csv',
      'runs/20251002-151204/summary.jsonl',
    ]);
  });
});

describe('the folder the path input names', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir();
    writeTree(root, { 'bench/results.csv': 'model,tokens_s\na,1\n' });
  });
  afterEach(() => removeDir(root));

  it('is accepted when it is a folder', async () => {
    await expect(checkRootFolder(path.join(root, 'bench'), 'bench', root)).resolves.toBeUndefined();
  });

  it('is named as missing when it does not exist', async () => {
    await expect(checkRootFolder(path.join(root, 'benches'), 'benches', root)).rejects.toThrow(`Input 'path': "benches" does not exist in the workspace`);
  });

  it('is named as a file when it names one', async () => {
    await expect(checkRootFolder(path.join(root, 'bench', 'results.csv'), 'bench/results.csv', root)).rejects.toThrow(
      `Input 'path': "bench/results.csv" is a file; 'path' is the folder to search (choose files in it with 'patterns')`,
    );
  });

  it('is refused when a symbolic link in the checkout leads it outside the workspace', async () => {
    const outside = makeTempDir();
    try {
      symlinkIn(root, 'rootlink', outside, 'dir');
      await expect(checkRootFolder(path.join(root, 'rootlink'), 'rootlink', root)).rejects.toThrow(`Input 'path': "rootlink" leads outside the workspace through a symbolic link`);
      symlinkIn(root, 'inside', path.join(root, 'bench'), 'dir');
      await expect(checkRootFolder(path.join(root, 'inside'), 'inside', root)).resolves.toBeUndefined();
    } finally {
      removeDir(outside);
    }
  });

  it('is named as inside a file when a file stands on its way', async () => {
    await expect(checkRootFolder(path.join(root, 'bench', 'results.csv', 'x'), 'bench/results.csv/x', root)).rejects.toThrow(`Input 'path': "bench/results.csv/x" is inside a file, not a folder`);
  });
});
