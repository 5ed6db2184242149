/**
 * A stand-in for the `ollama` executable, put on PATH by tests (see
 * test/helpers/fake-ollama.ts, which compiles it into a temp dir):
 *
 *   ollama --version   prints "ollama version is X" like the real CLI
 *   ollama serve       serves the emulator on OLLAMA_HOST until SIGTERM
 *
 * Behaviour comes from the environment, as the real server's does:
 *   FAKE_OLLAMA_SCRIPT       JSON file with an EmulatorScript
 *   FAKE_OLLAMA_MODE         `never-ready` (logs, never listens) or `crash` (exits 1)
 *   FAKE_OLLAMA_REQUEST_LOG  file that receives one JSON line per request
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { startEmulator, type EmulatorScript } from './ollama-emulator.js';

const args = process.argv.slice(2);
const script: EmulatorScript = process.env.FAKE_OLLAMA_SCRIPT ? (JSON.parse(readFileSync(process.env.FAKE_OLLAMA_SCRIPT, 'utf8')) as EmulatorScript) : {};
const version = script.version ?? '0.12.6';

function log(level: string, msg: string): void {
  process.stderr.write(`time=${new Date().toISOString()} level=${level} source=fake-ollama msg="${msg}"\n`);
}

async function serve(): Promise<void> {
  const [host = '127.0.0.1', portText = '11434'] = (process.env.OLLAMA_HOST ?? '127.0.0.1:11434').replace(/^https?:\/\//, '').split(':');
  log('INFO', `server config OLLAMA_HOST=${process.env.OLLAMA_HOST ?? ''} OLLAMA_MODELS=${process.env.OLLAMA_MODELS ?? ''}`);
  const mode = process.env.FAKE_OLLAMA_MODE ?? '';
  if (mode === 'crash') {
    log('ERROR', `listen tcp ${host}:${portText}: bind: address already in use`);
    process.exit(1);
  }
  if (mode === 'never-ready') {
    log('INFO', 'looking for compatible GPUs');
    // Stays alive without ever listening, like a server stuck in GPU discovery.
    setInterval(() => log('INFO', 'still discovering GPUs'), 1000);
    return;
  }
  const requestLog = process.env.FAKE_OLLAMA_REQUEST_LOG;
  const emulator = await startEmulator(script, {
    host,
    port: Number(portText),
    onRequest: (r) => {
      log('INFO', `${r.method} ${r.path}`);
      if (requestLog) appendFileSync(requestLog, `${JSON.stringify(r)}\n`);
    },
  });
  log('INFO', `Listening on ${host}:${emulator.port} (version ${version})`);
  const stop = (signal: string) => {
    log('INFO', `received ${signal}, shutting down`);
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (args[0] === '--version' || args[0] === '-v' || args[0] === 'version') {
  process.stdout.write(`ollama version is ${version}\n`);
} else if (args[0] === 'serve') {
  void serve();
} else {
  process.stderr.write(`Error: unknown command "${args.join(' ')}" for "ollama"\n`);
  process.exit(1);
}
