import { describe, expect, it } from 'vitest';
import { exclusionReason, fileTypeOf } from '../../src/discover/rules.js';

const CONFIG = 'configuration, manifest or lock file';
const DOC = 'documentation file (README, CHANGELOG, LICENSE, …)';
const folder = (name: string) => `in ${name}/ (CI, editor, tool or schema folder)`;

describe('fileTypeOf', () => {
  it.each([
    ['results/run.csv', 'csv'],
    ['results/run.TSV', 'csv'],
    ['a/b.json', 'json'],
    ['a/b.jsonl', 'jsonl'],
    ['a/b.ndjson', 'jsonl'],
    ['README.md', 'markdown'],
    ['notes.markdown', 'markdown'],
    ['bench.txt', 'text'],
    ['server.log', 'text'],
    ['run.out', 'text'],
    ['script.py', 'other'],
    ['Makefile', 'other'],
  ])('%s is %s', (file, type) => {
    expect(fileTypeOf(file)).toBe(type);
  });
});

describe('exclusionReason: configuration files', () => {
  it.each([
    'package.json',
    'packages/web/package.json',
    'package-lock.json',
    'yarn.lock',
    'pnpm-lock.yaml',
    'tsconfig.json',
    'tsconfig.build.json',
    'jsconfig.json',
    '.eslintrc.json',
    '.prettierrc',
    '.babelrc.json',
    'babel.config.json',
    'jest.config.json',
    'renovate.json',
    'deno.json',
    'composer.lock',
    'Cargo.lock',
    'requirements.txt',
    'CMakeLists.txt',
    'compile_commands.json',
    'appsettings.Development.json',
    'openapi.json',
    'swagger-v2.json',
    'report.schema.json',
    'app.tsbuildinfo',
  ])('%s is configuration', (file) => {
    expect(exclusionReason(file)).toBe(CONFIG);
  });
});

describe('exclusionReason: tool folders', () => {
  it.each([
    ['.github/workflows/x.json', '.github'],
    ['.vscode/settings.json', '.vscode'],
    ['.devcontainer/devcontainer.json', '.devcontainer'],
    ['coverage/coverage-summary.json', 'coverage'],
    ['api/schemas/result.json', 'schemas'],
    ['pkg/__pycache__/x.json', '__pycache__'],
    ['.venv/lib/data.csv', '.venv'],
  ])('%s is inside %s/', (file, dir) => {
    expect(exclusionReason(file)).toBe(folder(dir));
  });

  it('names the folder as written in the path', () => {
    expect(exclusionReason('.GitHub/x.json')).toBe(folder('.GitHub'));
  });

  it('only looks at folders, not at a file named like one', () => {
    expect(exclusionReason('results/coverage.json')).toBeUndefined();
  });
});

describe('exclusionReason: documentation', () => {
  it.each(['README.md', 'docs/CHANGELOG.md', 'LICENSE', 'LICENSE.txt', 'CONTRIBUTING.md', 'CODE_OF_CONDUCT.md', 'SECURITY.md', 'readme.rst'])(
    '%s is documentation',
    (file) => {
      expect(exclusionReason(file)).toBe(DOC);
    },
  );

  it.each(['bench/history.json', 'results/changes.csv', 'support.jsonl'])(
    '%s shares a documentation name but is data, so it is kept',
    (file) => {
      expect(exclusionReason(file)).toBeUndefined();
    },
  );
});

describe('exclusionReason: benchmark outputs', () => {
  it.each([
    'results/run.csv',
    '.benchmarks/x/0001.json',
    '.benchmarks/Linux-CPython-3.12-64bit/0001_baseline.json',
    'runs/20251002-151204/summary.json',
    'bench_20251002-170837.json',
    'reports/results.md',
    'llm/ttft.jsonl',
    'criterion/estimates.json',
    'benchmark_results.json',
  ])('%s may be a result', (file) => {
    expect(exclusionReason(file)).toBeUndefined();
  });
});
