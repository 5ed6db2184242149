#!/usr/bin/env node
import { once } from 'node:events';
import { main } from './cli-main.js';
import { exitWhenDone } from './util/deadline.js';

main(process.argv.slice(2), {
  // A pipe that is full makes the report wait instead of piling up in memory.
  stdout: (t) => (process.stdout.write(t) ? undefined : once(process.stdout, 'drain')),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`chimera-insight: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
).finally(() => exitWhenDone((m) => process.stderr.write(`warning: ${m}\n`)));
