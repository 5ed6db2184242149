import net from 'node:net';

/**
 * A TCP server that accepts every connection, reads what the client sends
 * and never answers: no status line, no headers, and it never closes. The
 * hung API of issue 14. It records when each connection opened and when the
 * client closed it, so a test can tell a client that really aborted the
 * socket from one that only stopped waiting for the promise.
 */
export interface SilentConnection {
  openedAt: number;
  /** When the client closed or reset the connection; undefined while it is open. */
  closedAt?: number;
  /** Bytes the client sent (its request). */
  received: number;
}

export interface SilentServer {
  url: string;
  port: number;
  connections: SilentConnection[];
  /** Connections the client has not closed yet. */
  open(): number;
  close(): Promise<void>;
}

export async function startSilentServer(): Promise<SilentServer> {
  const connections: SilentConnection[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    const record: SilentConnection = { openedAt: Date.now(), received: 0 };
    connections.push(record);
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => {
      record.received += chunk.length;
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      record.closedAt = Date.now();
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connections,
    open: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
