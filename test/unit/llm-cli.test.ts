import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli-main.js';
import { freeLoopbackPort } from '../../src/llm/process.js';
import { startEmulator, type RunningEmulator } from '../fakes/ollama-emulator.js';
import { pathWith } from '../helpers/fake-ollama.js';
import { makeTempDir, removeDir } from '../helpers/tmp.js';

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  // The Markdown report, whose sections these tests check.
  const code = await main([...args, '--format', 'md'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

/** A well-behaved answer: the adversarial model with nothing planted, citing the ranking by its line in the prompt. */
const BRIEF = {
  answer: {
    claims: [{ facts: ['{{fact:tokens_s by model}}'], relation: 'best', subject: 'gemma3:1b', interpretation: 'The small model is the one to use for latency-bound work.' }],
    recommendations: [{ text: 'Measure more runs of gemma3:4b.', facts: ['{{fact:tokens_s by model}}'] }, { text: 'Compare both at the same context size.', facts: [] }],
    risks: [{ risk: 'Few runs hide noise.', mitigation: 'Repeat the benchmark.', facts: [] }],
  },
};

let workspace: string;
let closedPort: number;
const saved = { PATH: process.env.PATH, OLLAMA_HOST: process.env.OLLAMA_HOST };
const emulators: RunningEmulator[] = [];

beforeAll(async () => {
  workspace = makeTempDir('chimera-llm-cli-');
  mkdirSync(path.join(workspace, 'reports'));
  writeFileSync(path.join(workspace, 'reports', 'runs.csv'), 'model,tokens_s\ngemma3:1b,100\ngemma3:1b,110\ngemma3:4b,50\n');
  closedPort = await freeLoopbackPort();
  // Nothing answers at OLLAMA_HOST and no ollama is on PATH, whatever this machine has.
  process.env.OLLAMA_HOST = `127.0.0.1:${closedPort}`;
  process.env.PATH = pathWith(undefined);
});

afterEach(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()));
});

afterAll(() => {
  process.env.PATH = saved.PATH;
  if (saved.OLLAMA_HOST === undefined) delete process.env.OLLAMA_HOST;
  else process.env.OLLAMA_HOST = saved.OLLAMA_HOST;
  removeDir(workspace);
});

describe('the CLI and the local model', () => {
  it('prints the report with the reason when no Ollama is reachable, quietly and with exit 0', async () => {
    const { code, stdout, stderr } = await cli(['analyze', 'reports'], workspace);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain(`> **Narrative skipped:** Ollama not reachable at http:\u200b//127.0.0.1:${closedPort} and no \\\`ollama\\\` binary on PATH (set ollama-url or ollama-version). Every number below is computed from the files.`);
  });

  it('skips the model with --no-llm', async () => {
    const { code, stdout } = await cli(['analyze', 'reports', '--no-llm'], workspace);
    expect(code).toBe(0);
    expect(stdout).toContain('> **Narrative skipped:** llm: false, so no model was asked; every number below is computed from the files.');
  });

  it('writes the narrative with --ollama-url, --model and --runs', async () => {
    const emulator = await startEmulator({ version: '0.12.6', models: [{ name: 'gemma3:1b', parameterSize: '1B' }], replies: [{ content: '', brief: BRIEF, tokensPerSecond: 120 }] });
    emulators.push(emulator);
    const { code, stdout, stderr } = await cli(['analyze', 'reports', '--ollama-url', emulator.url, '--model', 'gemma3:1b', '--runs', '2'], workspace);
    expect(code).toBe(0);
    expect(stderr).toContain(`Using the Ollama server at ${emulator.url} (ollama-url).`);
    expect(stdout).toContain('- gemma3:1b leads tokens\\_s by model at 105 tok/s (n=2), 2.10× gemma3:4b (50 tok/s); not tested against the noise. _The small model is the one to use for latency-bound work._');
    expect(stdout).toContain('<sub>Answer of run 1 of 2. Checks: all 4 items of the answer held.</sub>');
    expect(stdout).toContain('| Average Throughput | 120.00 ± 0.00 tok/s |');
    expect(emulator.requests.filter((r) => r.path === '/api/chat').map((r) => (r.body as { model: string }).model)).toEqual(['gemma3:1b', 'gemma3:1b', 'gemma3:1b']);
  });

  it('names the flag in input errors', async () => {
    const { code, stderr } = await cli(['analyze', 'reports', '--runs', '0'], workspace);
    expect(code).toBe(2);
    expect(stderr).toBe('--runs: must be a whole number from 1 to 10, got "0"\n');
  });
});
