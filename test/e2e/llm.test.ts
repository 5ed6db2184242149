import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeLoopbackPort, readIdentity, signalGroup } from '../../src/llm/process.js';
import type { EmulatorScript } from '../fakes/ollama-emulator.js';
import { installFakeOllama, pathWith } from '../helpers/fake-ollama.js';
import { buildBundle, parseOutputFile, repoRoot, runAction, type ActionRun } from '../helpers/run-action.js';

/**
 * The bundled action with a local model: once against an emulated Ollama
 * given as `ollama-url`, once starting the fake `ollama` from PATH (and the
 * post step stopping it), once with no Ollama anywhere. runAction blocks
 * this process, so every server here is a separate process (the fake
 * executable), as a real one would be.
 */

const DIGEST = 'a2af6cc3eb7fa8be8504abaf9b04e88f17a119ec3f04a3addf55f92841195f5a';

/**
 * A well-behaved answer on examples/ from the adversarial model, citing facts
 * by the words of their prompt line, with two items the checks must drop: a
 * claim citing a fact that does not exist and a question to the reader.
 */
const BRIEF = {
  answer: {
    claims: [
      { facts: ['{{fact:tokens_per_second by runtime}}'], relation: 'best', subject: 'graphs', interpretation: 'The graphs runtime is the one to keep for this model.' },
      { facts: ['{{fact:largest change}}'], relation: 'largest-change', interpretation: 'Worth a glance before the next release.' },
      { facts: ['F999'], relation: 'best', subject: 'compiled' },
    ],
    recommendations: [
      { text: 'Serve gemma3:4b with the graphs runtime.', facts: ['{{fact:tokens_per_second by runtime}}'] },
      { text: 'Do you want me to refine this report?', facts: [] },
      { text: 'Keep several runs per configuration as a floor.', facts: [] },
    ],
    risks: [{ risk: 'Answer quality of q4_K_M is not measured here.', mitigation: 'Add an evaluation set and track it with every run.', facts: ['{{fact:tokens_s by tag}}'] }],
  },
};

const SCRIPT: EmulatorScript = {
  version: '0.12.6',
  models: [{ name: 'gemma3:latest', digest: `sha256:${DIGEST}`, parameterSize: '4.3B', quantization: 'Q4_K_M', family: 'gemma3', size: 6_169_209_344, sizeVram: 6_169_209_344 }],
  replies: [{ content: '', brief: BRIEF, tokensPerSecond: 80, loadMs: 1500, chunkDelayMs: 1 }],
};

const created: string[] = [];
const children: ChildProcess[] = [];
let bundle: string;
let fakeBin: string;
let scriptFile: string;
let closedPort: number;

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

function workspace(): string {
  const dir = tempDir('chimera-llm-ws-');
  cpSync(path.join(repoRoot, 'examples', 'benchmarks'), path.join(dir, 'examples', 'benchmarks'), { recursive: true });
  return dir;
}

const pullRequest = { pull_request: { number: 7, head: { sha: 'feedfacecafebeef0000000000000000deadbeef', ref: 'faster-kv-cache' }, base: { ref: 'main' } } };

/** The fake `ollama serve` as its own process on `port`, resolved once it answers. */
async function serveFake(port: number, env: Record<string, string>): Promise<void> {
  const child = spawn(path.join(fakeBin, 'ollama'), ['serve'], { env: { ...process.env, ...env, OLLAMA_HOST: `127.0.0.1:${port}` }, stdio: 'ignore' });
  children.push(child);
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('fake ollama did not start');
}

beforeAll(async () => {
  bundle = buildBundle();
  fakeBin = installFakeOllama().binDir;
  created.push(fakeBin);
  scriptFile = path.join(tempDir('chimera-llm-script-'), 'script.json');
  writeFileSync(scriptFile, JSON.stringify(SCRIPT));
  closedPort = await freeLoopbackPort();
  // Bundling three entries with ncc takes minutes on a busy shared machine.
}, 600_000);

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

describe('with an Ollama server given as ollama-url', () => {
  let run: ActionRun;
  let requestLog: string;

  beforeAll(async () => {
    const port = await freeLoopbackPort();
    requestLog = path.join(tempDir('chimera-llm-requests-'), 'requests.ndjson');
    await serveFake(port, { FAKE_OLLAMA_SCRIPT: scriptFile, FAKE_OLLAMA_REQUEST_LOG: requestLog });
    run = runAction(path.join(bundle, 'index.js'), {
      workspace: workspace(),
      inputs: { path: 'examples/benchmarks', 'ollama-url': `http://127.0.0.1:${port}`, runs: '2', 'ollama-options': 'temperature: 0.6\nseed: 42' },
      event: pullRequest,
      env: { PATH: pathWith(undefined) },
    });
  });

  it('exits 0 with nothing on stderr', () => {
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
  });

  it('publishes a brief that names the best runtime and the largest change with numbers written by code', () => {
    expect(run.summary).toContain('### Narrative');
    expect(run.summary).toContain('\n\nThe gate passes: 8 series compared, no gated metric regressed past its threshold.\n\n');
    expect(run.summary).toContain(
      '- graphs leads tokens\\_per\\_second by runtime over all batch settings (model=gemma3:4b) at 311.91 tok/s (n=10), 1.59× eager (196.72 tok/s); beyond the noise (p&lt;0.001). _The graphs runtime is the one to keep for this model._',
    );
    expect(run.summary).toContain(
      '- latency\\_ms (backend=eager, batch\\_size=1) rose 3.2% from 15.35 ms to 15.83 ms (interval +1.6% … +4.8%): unchanged against its 5% threshold; the largest move of the 8 compared series. _Worth a glance before the next release._',
    );
    expect(run.summary).toContain('**Recommendations**\n\n1. _Serve gemma3:4b with the graphs runtime._\n2. _Keep several runs per configuration as a floor._');
  });

  it('drops the claim citing no fact and the question to the reader whole, and says so in a collapsed note', () => {
    expect(run.summary).toContain('<details><summary>Checks: 5 kept, 2 items dropped</summary>\n\n- claim 3: cites a fact that does not exist — best cites a fact that does not exist\n- recommendation 2: words to the reader — in its text\n\n</details>');
    expect(run.summary).not.toContain('refine this report');
  });

  it('shows the model, its digest, the server and the LLM call metrics over both runs', () => {
    expect(run.summary).toContain('### LLM call metrics');
    expect(run.summary).toContain(`digest \`${DIGEST.slice(0, 12)}\``);
    expect(run.summary).toContain('Ollama 0.12.6 at `http://127.0.0.1:');
    expect(run.summary).toContain('| Average Throughput | 80.00 ± 0.00 tok/s |');
    expect(run.summary).toContain('- **Runs**: 2 (2 generation calls measured; warm-up excluded)');
    expect(run.summary).toContain('| Model load (warm-up, not in the sums) | 1500.00 ms |');
  });

  it('sets llm-throughput and llm-ttft-ms', () => {
    expect(run.outputs['llm-throughput']).toBe('80.00');
    expect(run.outputs['llm-ttft-ms']).toMatch(/^\d+\.\d\d$/);
  });

  it('sends the report calls with the JSON schema, the user options and a context sized to the prompt', () => {
    // The first GET / is this test waiting for the server.
    const requests = readFileSync(requestLog, 'utf8').trim().split('\n').slice(1).map((l) => JSON.parse(l) as { path: string; body: Record<string, unknown> });
    expect(requests.map((r) => r.path)).toEqual(['/', '/api/version', '/api/show', '/api/tags', '/api/ps', '/api/chat', '/api/chat', '/api/chat', '/api/ps']);
    const report = requests[6]?.body as { format: { type: string }; options: Record<string, unknown>; stream: boolean };
    expect(report.stream).toBe(true);
    expect(report.format.type).toBe('object');
    expect(report.options).toMatchObject({ temperature: 0.6, seed: 42 });
    expect(report.options.num_ctx as number).toBeGreaterThanOrEqual(2048);
  });

  it('starts no server and leaves no state for the post step', () => {
    expect(run.stdout).toContain('Using the Ollama server at http://127.0.0.1:');
    expect(run.stdout).not.toContain('::save-state');
  });
});

describe.runIf(process.platform === 'linux' || process.platform === 'darwin')('starting the ollama on PATH, stopped by the post step', () => {
  let run: ActionRun;
  let post: ActionRun;
  let state: Record<string, string>;
  let pid: number;
  let aliveBeforePost: boolean;

  beforeAll(async () => {
    const stateFile = path.join(tempDir('chimera-llm-state-'), 'state');
    writeFileSync(stateFile, '');
    const env = { PATH: pathWith(fakeBin), OLLAMA_HOST: `127.0.0.1:${closedPort}`, FAKE_OLLAMA_SCRIPT: scriptFile, GITHUB_STATE: stateFile };
    run = runAction(path.join(bundle, 'index.js'), { workspace: workspace(), inputs: { path: 'examples/benchmarks', 'ollama-timeout': '30s' }, event: pullRequest, env });
    state = parseOutputFile(readFileSync(stateFile, 'utf8'));
    pid = (JSON.parse(state['ollama-server'] ?? '{}') as { pid: number }).pid;
    aliveBeforePost = (await readIdentity(pid)) !== undefined;
    const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]));
    post = runAction(path.join(bundle, 'post', 'index.js'), { workspace: workspace(), inputs: {}, env: { PATH: pathWith(fakeBin), ...stateEnv } });
  });

  afterAll(() => {
    if (pid > 0) signalGroup(pid, 'SIGKILL');
  });

  it('starts `ollama serve` on a free loopback port and writes the narrative', () => {
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/Starting .*\/ollama serve on 127\.0\.0\.1:\d+ \(log: .*ollama-serve-\d+\.log\)\./);
    expect(run.stdout).toMatch(/Ollama 0\.12\.6 answered on http:\/\/127\.0\.0\.1:\d+ after \d+\.\ds \(pid \d+\)\./);
    expect(run.summary).toContain('- graphs leads tokens\\_per\\_second by runtime');
    expect(run.outputs['llm-throughput']).toBe('80.00');
  });

  it('leaves the server running for the post step, identified by pid, start time and command', () => {
    expect(aliveBeforePost).toBe(true);
    expect(JSON.parse(state['ollama-server'] ?? '{}')).toMatchObject({ pid, command: expect.stringContaining(`${path.join(fakeBin, 'ollama')} serve`) });
  });

  it('stops that server in the post step', async () => {
    expect(post.exitCode).toBe(0);
    expect(post.stdout).toContain(`Stopped the Ollama server this action started (pid ${pid}).`);
    expect(await readIdentity(pid)).toBeUndefined();
  });
});

describe('with no Ollama server and no ollama binary', () => {
  let run: ActionRun;

  beforeAll(() => {
    run = runAction(path.join(bundle, 'index.js'), {
      workspace: workspace(),
      inputs: { path: 'examples/benchmarks' },
      event: pullRequest,
      env: { PATH: pathWith(undefined), OLLAMA_HOST: `127.0.0.1:${closedPort}` },
    });
  });

  it('still publishes the deterministic report and exits 0', () => {
    expect(run.exitCode).toBe(0);
    expect(run.summary).toContain('<sub>**Data:** 134 series from 42 files in `examples/benchmarks`');
    expect(run.summary).not.toContain('### Narrative');
  });

  it('says in one line why there is no narrative and what to set', () => {
    expect(run.summary).toContain(
      // escapeMarkdown breaks the URL with a zero-width space so it is not autolinked.
      `> **Narrative skipped:** Ollama not reachable at http:\u200b//127.0.0.1:${closedPort} and no \\\`ollama\\\` binary on PATH (set ollama-url or ollama-version). Every number below is computed from the files.`,
    );
    expect(run.stdout).toContain(`::warning title=Chimera Insight%3A no local model::Narrative skipped: Ollama not reachable at http://127.0.0.1:${closedPort} and no \`ollama\` binary on PATH (set ollama-url or ollama-version)`);
  });

  it('sets the LLM outputs empty', () => {
    expect(run.outputs['llm-throughput']).toBe('');
    expect(run.outputs['llm-ttft-ms']).toBe('');
  });
});
