import path from 'node:path';
import type { FileType } from '../model/report.js';
import { memo } from '../util/memo.js';

/**
 * The rule that keeps a repository's configuration out of its metrics: only
 * files that look like results are read (CSV/TSV tables, JSON/JSONL records,
 * Markdown tables, tool logs), and these are never read as results:
 *  - anything under CI, editor or tool folders (`.github/`, `.vscode/`, …);
 *  - package manifests, lockfiles, compiler/linter/formatter configs;
 *  - JSON schemas (`*.schema.json`, `schemas/`) and documentation files
 *    (README, CHANGELOG, LICENSE, CONTRIBUTING, …).
 * JSON holding a `$schema` key or no number at all is skipped after reading.
 */
const CONFIG_DIRS = new Set([
  '.github', '.gitlab', '.circleci', '.buildkite', '.vscode', '.idea', '.devcontainer', '.husky', '.changeset',
  '.yarn', '.pnpm-store', '.cache', '.venv', 'venv', '__pycache__', '.tox', '.mypy_cache', '.pytest_cache',
  '.ruff_cache', '.nyc_output', 'coverage', '.terraform', '.gradle', '.mvn', 'schemas', 'schema',
]);

const CONFIG_FILES = new Set([
  'package.json', 'package-lock.json', '.package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'composer.json',
  'composer.lock', 'deno.json', 'deno.jsonc', 'lerna.json', 'nx.json', 'turbo.json', 'vercel.json', 'firebase.json',
  'renovate.json', 'app.json', 'manifest.json', 'launch.json', 'settings.json', 'tasks.json', 'extensions.json',
  'devcontainer.json', 'cspell.json', 'biome.json', 'angular.json', 'project.json', 'typedoc.json',
  'api-extractor.json', 'components.json', 'codecov.json', 'vcpkg.json', 'cmakepresets.json',
  'cmakeuserpresets.json', 'compile_commands.json', 'pipfile.lock', 'poetry.lock', 'cargo.lock', 'go.sum',
  'requirements.txt', 'constraints.txt', 'cmakelists.txt', 'robots.txt', 'llms.txt', 'release-please-config.json',
  '.release-please-manifest.json', 'dependabot.yml', 'global.json', 'nuget.config', 'pyrightconfig.json',
]);

const DOC_FILE = /^(readme|changelog|changes|history|license|licence|copying|notice|authors|contributors|contributing|code_of_conduct|security|support|governance|maintainers|codeowners)(\.(md|markdown|txt|text|rst|adoc|org))?$/i;
const CONFIG_NAME = [
  /^tsconfig.*\.json$/i,
  /^jsconfig.*\.json$/i,
  /^\..*rc(\.[a-z]+)?$/i,
  /^\.?[a-z0-9_-]*[.\-_]config\.jsonc?$/i,
  /\.schema\.json$/i,
  /\.lock$/i,
  /\.tsbuildinfo$/i,
  /^(openapi|swagger)([.\-_].*)?\.json$/i,
  /^appsettings.*\.json$/i,
  /^\.?(eslint|prettier|babel|stylelint|markdownlint|commitlint|lint-staged|jest|vitest|nodemon|swc)[.\-_]?.*\.json$/i,
];

export function fileTypeOf(file: string): FileType {
  switch (path.extname(file).toLowerCase()) {
    case '.csv':
    case '.tsv':
      return 'csv';
    case '.json':
      return 'json';
    case '.jsonl':
    case '.ndjson':
      return 'jsonl';
    case '.md':
    case '.markdown':
      return 'markdown';
    case '.txt':
    case '.log':
    case '.out':
      return 'text';
    default:
      return 'other';
  }
}

/** Why a path is not benchmark output by its name alone, or undefined when it may be. */
export function exclusionReason(relPath: string): string | undefined {
  const cut = Math.max(relPath.lastIndexOf('/'), relPath.lastIndexOf('\\'));
  const inDir = cut < 0 ? undefined : folderExclusion(relPath.slice(0, cut));
  if (inDir) return inDir;
  const base = relPath.slice(cut + 1).toLowerCase();
  if (CONFIG_FILES.has(base) || CONFIG_NAME.some((re) => re.test(base))) return 'configuration, manifest or lock file';
  if (DOC_FILE.test(base)) return 'documentation file (README, CHANGELOG, LICENSE, …)';
  return undefined;
}

/** The folder part of exclusionReason, asked once per folder: a tree's files share a few hundred folders. */
const folderExclusion = memo(10_000, (folder: string): string | undefined => {
  const dir = folder.split(/[\\/]/).find((s) => CONFIG_DIRS.has(s.toLowerCase()));
  return dir ? `in ${dir}/ (CI, editor, tool or schema folder)` : undefined;
});
