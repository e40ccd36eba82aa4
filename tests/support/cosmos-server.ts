import { createHttpServer } from '@vercel/cosmosdb-server';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * An in-process Cosmos-API server (@vercel/cosmosdb-server) for integration tests.
 *
 * Plain http, because the package's bundled certificate has expired; clients therefore need
 * `enableEndpointDiscovery: false` (the server advertises https locations). The server keeps
 * its data in memory and loses it when it stops listening, so outages are simulated by a TCP
 * relay in front of it: `cutOff` makes the endpoint unreachable, `restore` brings it back on
 * the same port with the data intact.
 *
 * Known limits of the server: TTL never expires, no change feed, no atomic batch, no
 * GROUP BY / DISTINCT / OFFSET / multi-field ORDER BY; an ORDER BY drops documents
 * lacking the field.
 */
export interface CosmosTestServer {
  endpoint: string;
  /** The server accepts any key; the client needs one all the same. */
  key: string;
  /**
   * `refuse`: connections are refused (a stopped server).
   * `hang`: connections are accepted and never answered (an overloaded network path).
   */
  cutOff(mode?: 'refuse' | 'hang'): Promise<void>;
  restore(): Promise<void>;
  stop(): Promise<void>;
}

export async function startCosmosServer(): Promise<CosmosTestServer> {
  const backend = createHttpServer();
  await listen(backend, 0);
  const backendPort = (backend.address() as AddressInfo).port;

  const sockets = new Set<Socket>();
  let mode: 'forward' | 'hang' = 'forward';
  const relay = createServer((client) => {
    track(sockets, client);
    if (mode === 'hang') return;
    const upstream = connect(backendPort, '127.0.0.1');
    track(sockets, upstream);
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await listen(relay, 0);
  const port = (relay.address() as AddressInfo).port;

  const dropConnections = () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };

  return {
    endpoint: `http://127.0.0.1:${port}`,
    key: 'test-key',
    async cutOff(to = 'refuse') {
      dropConnections();
      if (to === 'hang') {
        mode = 'hang';
      } else if (relay.listening) {
        await close(relay);
      }
    },
    async restore() {
      dropConnections();
      mode = 'forward';
      if (!relay.listening) await listen(relay, port);
    },
    async stop() {
      dropConnections();
      if (relay.listening) await close(relay);
      backend.closeAllConnections();
      await close(backend);
    },
  };
}

function track(sockets: Set<Socket>, socket: Socket): void {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
}
