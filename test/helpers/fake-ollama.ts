import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { repoRoot } from './run-action.js';

/**
 * Compiles test/fakes/fake-ollama.ts (and the emulator it serves) into a
 * fresh directory holding an executable named `ollama`, ready to be put first
 * on PATH. Transpile-only: the sources are type-checked with the project.
 */
export function installFakeOllama(): { binDir: string; executable: string } {
  const binDir = mkdtempSync(path.join(os.tmpdir(), 'chimera-fake-ollama-'));
  for (const name of ['ollama-emulator', 'fake-ollama']) {
    const source = readFileSync(path.join(repoRoot, 'test', 'fakes', `${name}.ts`), 'utf8');
    const out = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    writeFileSync(path.join(binDir, `${name}.mjs`), out.outputText.replace("'./ollama-emulator.js'", "'./ollama-emulator.mjs'"));
  }
  const executable = path.join(binDir, os.platform() === 'win32' ? 'ollama.cmd' : 'ollama');
  if (os.platform() === 'win32') {
    writeFileSync(executable, `@"${process.execPath}" "%~dp0fake-ollama.mjs" %*\r\n`);
  } else {
    writeFileSync(executable, `#!${process.execPath}\nimport('./fake-ollama.mjs');\n`);
    chmodSync(executable, 0o755);
  }
  return { binDir, executable };
}

/** PATH with the fake first, or PATH without any directory holding an `ollama` executable. */
export function pathWith(binDir: string | undefined): string {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d && !hasOllama(d));
  return [...(binDir ? [binDir] : []), ...dirs].join(path.delimiter);
}

function hasOllama(dir: string): boolean {
  try {
    readFileSync(path.join(dir, 'ollama'));
    return true;
  } catch {
    return false;
  }
}
