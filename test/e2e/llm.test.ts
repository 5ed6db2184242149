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

const ANSWER = {
  executive_summary: 'Token throughput of both gemma3 models is steady from run to run, and the first run of each model is a cold start. Do you want me to refine this report?',
  key_findings: [
    { text: 'Throughput varies little between runs of the same model.', facts: ['F1'] },
    { text: 'This finding cites a fact that does not exist.', facts: ['F999'] },
  ],
  recommendations: [
    'Keep a warm-up run before measuring time to first token.',
    'Track throughput per model rather than as one average.',
    'Compare quantizations at the same context length.',
  ],
  risks: [
    { risk: 'Cold starts inflate the measured TTFT.', mitigation: 'Label or discard the first run of each model.' },
    { risk: 'One run per configuration hides noise.', mitigation: 'Repeat each configuration several times.' },
  ],
};

const SCRIPT: EmulatorScript = {
  version: '0.12.6',
  models: [{ name: 'gemma3:latest', digest: `sha256:${DIGEST}`, parameterSize: '4.3B', quantization: 'Q4_K_M', family: 'gemma3', size: 6_169_209_344, sizeVram: 6_169_209_344 }],
  replies: [{ content: JSON.stringify(ANSWER), tokensPerSecond: 80, loadMs: 1500, chunkDelayMs: 1 }],
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

  it('publishes the verified narrative: chatter and the finding citing no fact are gone', () => {
    expect(run.summary).toContain('### Narrative');
    expect(run.summary).toContain('**Executive summary.** Token throughput of both gemma3 models is steady from run to run, and the first run of each model is a cold start.');
    expect(run.summary).not.toContain('Do you want me to refine');
    expect(run.summary).toContain('- Throughput varies little between runs of the same model.<br><sub>F1 ');
    expect(run.summary).not.toContain('cites a fact that does not exist');
    expect(run.summary).toContain('1. Keep a warm-up run before measuring time to first token.');
    expect(run.summary).toContain('| Cold starts inflate the measured TTFT. | Label or discard the first run of each model. |');
    expect(run.summary).toContain('Verification: 1 finding citing no known fact dropped, 1 sentence addressed to the reader removed.');
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
    expect(run.summary).toContain('**Executive summary.** Token throughput of both gemma3 models is steady');
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
