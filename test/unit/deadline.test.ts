import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeadlineError, exitWhenDone, fetchWithDeadlines, formatDuration, settleWithin, sleepUnlessAborted, startBudget } from '../../src/util/deadline.js';
import { startSilentServer, type SilentServer } from '../fakes/silent-server.js';

/**
 * The deadlines against real sockets: a promise that stops waiting is not
 * enough, the connection itself must be closed by the client.
 */

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0)) await close();
});

async function silent(): Promise<SilentServer> {
  const server = await startSilentServer();
  cleanup.push(() => server.close());
  return server;
}

/** An HTTP server whose handler writes the answer as the test wants it; tracks whether each response's connection closed. */
async function serve(handler: (res: http.ServerResponse) => void): Promise<{ url: string; open: () => number }> {
  const responses = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    responses.add(res);
    res.on('close', () => responses.delete(res));
    req.resume();
    handler(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, open: () => responses.size };
}

/**
 * The connections that carried a request are all closed by the client. (After
 * an abort, Node's fetch may open a spare connection that carries nothing and
 * closes by itself after its 4 s keep-alive; it holds no request.)
 */
function requestsClosed(server: SilentServer): boolean {
  const carried = server.connections.filter((c) => c.received > 0);
  return carried.length > 0 && carried.every((c) => c.closedAt !== undefined);
}

/** Waits (up to 2 s) for a condition the server side sees once the client closed its socket. */
async function eventually(condition: () => boolean): Promise<boolean> {
  for (let i = 0; i < 40 && !condition(); i++) await new Promise((r) => setTimeout(r, 50));
  return condition();
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

describe('fetch with deadlines', () => {
  it('aborts a request to a server that accepts the connection and never answers, and closes the socket', async () => {
    const server = await silent();
    const err = await rejection(fetchWithDeadlines(fetch, { totalMs: 300 })(server.url));
    expect(err).toBeInstanceOf(DeadlineError);
    expect(err.message).toBe('no complete answer within 300 ms; request aborted');
    expect(server.connections.filter((c) => c.received > 0)).toHaveLength(1);
    expect(await eventually(() => requestsClosed(server))).toBe(true);
  });

  it('aborts a silent request after its idle limit with the caller\'s message', async () => {
    const server = await silent();
    const err = await rejection(fetchWithDeadlines(fetch, { idleMs: 200, idleMessage: (ms) => `nothing for ${ms} ms` })(server.url));
    expect(err.message).toBe('nothing for 200 ms');
    expect(await eventually(() => requestsClosed(server))).toBe(true);
  });

  it('ends a body that stops after the headers at the idle limit', async () => {
    const server = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write('{"partial":');
    });
    const response = await fetchWithDeadlines(fetch, { idleMs: 300 })(server.url);
    expect(response.status).toBe(200);
    const err = await rejection(response.text());
    expect(err.message).toBe('no data for 300 ms; request aborted');
    expect(await eventually(() => server.open() === 0)).toBe(true);
  });

  it('lets a slow body through while every chunk comes within the idle limit', async () => {
    const server = await serve((res) => {
      res.writeHead(200);
      let n = 0;
      const timer = setInterval(() => {
        res.write(`${n}\n`);
        if (++n === 6) {
          clearInterval(timer);
          res.end();
        }
      }, 100);
    });
    const response = await fetchWithDeadlines(fetch, { idleMs: 400 })(server.url);
    expect(await response.text()).toBe('0\n1\n2\n3\n4\n5\n');
  });

  it('ends an endless stream at the total limit even though data keeps coming', async () => {
    const server = await serve((res) => {
      res.writeHead(200);
      const timer = setInterval(() => res.write('{"done":false}\n'), 50);
      res.on('close', () => clearInterval(timer));
    });
    const response = await fetchWithDeadlines(fetch, { idleMs: 300, totalMs: 600 })(server.url);
    const err = await rejection(response.text());
    expect(err.message).toBe('no complete answer within 600 ms; request aborted');
    expect(await eventually(() => server.open() === 0)).toBe(true);
  });

  it('aborts with the budget\'s reason when the budget runs out first', async () => {
    const server = await silent();
    const budget = startBudget(200, 'the test budget ran out');
    const err = await rejection(fetchWithDeadlines(fetch, { totalMs: 30_000, signal: budget.signal })(server.url));
    expect(err).toBeInstanceOf(DeadlineError);
    expect(err.message).toBe('the test budget ran out');
    expect(await eventually(() => requestsClosed(server))).toBe(true);
  });

  it('refuses to start a request once the budget has run out', async () => {
    const server = await silent();
    const controller = new AbortController();
    controller.abort(new DeadlineError('spent'));
    const err = await rejection(fetchWithDeadlines(fetch, { signal: controller.signal })(server.url));
    expect(err.message).toBe('spent');
    expect(server.connections).toHaveLength(0);
  });

  it('hands on the status, headers, body and URL of a normal answer', async () => {
    const server = await serve((res) => {
      res.writeHead(201, { 'content-type': 'application/json', link: '<x>; rel="next"' });
      res.end('{"id":1}');
    });
    const response = await fetchWithDeadlines(fetch, { totalMs: 5000, idleMs: 5000 })(server.url);
    expect([response.status, response.headers.get('link'), response.url, await response.json()]).toEqual([201, '<x>; rel="next"', server.url, { id: 1 }]);
  });

  it('answers a 204 with no body', async () => {
    const server = await serve((res) => {
      res.writeHead(204);
      res.end();
    });
    const response = await fetchWithDeadlines(fetch, { totalMs: 5000 })(server.url);
    expect([response.status, response.body]).toEqual([204, null]);
  });
});

describe('budgets', () => {
  it('says what is left and fires its signal with the reason', async () => {
    let now = 1000;
    const budget = startBudget(100, 'out of time', () => now);
    now = 1040;
    expect(budget.remainingMs()).toBe(60);
    await new Promise((r) => budget.signal.addEventListener('abort', r));
    expect(budget.remainingMs()).toBe(0);
    expect((budget.signal.reason as Error).message).toBe('out of time');
  });

  it('does not run while paused (the analysis between the LLM setup and the model calls), and resumes with what was left', async () => {
    let now = 0;
    const budget = startBudget(150, 'out of time', () => now);
    now = 50;
    budget.pause();
    now = 10_000;
    await new Promise((r) => setTimeout(r, 250));
    expect([budget.signal.aborted, budget.remainingMs()]).toEqual([false, 100]);
    budget.resume();
    await new Promise((r) => budget.signal.addEventListener('abort', r));
    expect((budget.signal.reason as Error).message).toBe('out of time');
  });

  it('stops waiting for work that ignores the abort after the grace period', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await settleWithin(new Promise<string>(() => {}), controller.signal, 100, () => 'gave up');
    expect(result).toBe('gave up');
  });

  it('takes the work\'s own result when it comes first', async () => {
    expect(await settleWithin(Promise.resolve('done'), new AbortController().signal, 100, () => 'gave up')).toBe('done');
  });

  it('cuts a retry wait short when the budget runs out', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await sleepUnlessAborted(60_000, controller.signal)).toBe(false);
    expect(await sleepUnlessAborted(10, new AbortController().signal)).toBe(true);
  });

  it('exits, saying so, when something still holds the process after the report is out', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const said: string[] = [];
    try {
      exitWhenDone((m) => said.push(m), 50);
      // Something that could not be aborted keeps the event loop busy past the grace.
      await new Promise((r) => setTimeout(r, 150));
      expect(said).toEqual(['Exiting: something that could not be aborted was still running 50 ms after the report was published.']);
      expect(exit).toHaveBeenCalledTimes(1);
    } finally {
      exit.mockRestore();
    }
  });

  it('formats durations for messages', () => {
    expect([300, 1500, 30_000, 120_000, 90_000, 600_000].map(formatDuration)).toEqual(['300 ms', '1.5 s', '30 s', '2 min', '1 min 30 s', '10 min']);
  });
});
