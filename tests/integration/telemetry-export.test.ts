/**
 * With a connection string, the real bot process exports its requests, dependencies and logs
 * to Application Insights — here a local server in place of the ingestion endpoint — and the
 * envelopes carry neither message text nor e-mail addresses nor one-time tokens.
 *
 * The exporter turns every `http://` ingestion endpoint into `https://`, so the local
 * endpoint speaks TLS with a certificate the bot process trusts through NODE_EXTRA_CA_CERTS.
 * The bot runs as its own process: the OpenTelemetry SDK registers itself globally.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { generate } from 'selfsigned';
import { ConnectorDouble } from '../support/connector-double';

const repoRoot = resolve(__dirname, '..', '..');

interface Envelope {
  name: string;
  data?: { baseType?: string; baseData?: Record<string, unknown> };
}

/** Plays the Application Insights ingestion endpoint and keeps every envelope it gets. */
async function startIngestion(): Promise<{
  server: Server;
  url: string;
  cert: string;
  envelopes: Envelope[];
}> {
  const { private: key, cert } = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  const envelopes: Envelope[] = [];
  const server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
      const received =
        req.url === '/v2.1/track' ? (JSON.parse(body.toString('utf8')) as Envelope[]) : [];
      envelopes.push(...received);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          itemsReceived: received.length,
          itemsAccepted: received.length,
          errors: [],
        }),
      );
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    server,
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    cert,
    envelopes,
  };
}

async function waitUntilReady(url: string, exited: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (exited()) throw new Error('the bot exited before it was ready');
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('the bot did not become ready');
}

describe('telemetry export to Application Insights', () => {
  const secretText = 'Mein Kennwort ist Sonnenblume42, bitte an anna.schmidt@stadt.example';
  const dataDir = mkdtempSync(join(tmpdir(), 'digitallotse-telemetry-'));
  let envelopes: Envelope[] = [];
  let exitCode: number | null;

  beforeAll(async () => {
    const ingestion = await startIngestion();
    const connector = await new ConnectorDouble().start();
    const caFile = join(dataDir, 'ingestion.pem');
    writeFileSync(caFile, ingestion.cert);
    const port = 20000 + Math.floor(Math.random() * 20000);
    const bot = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'bot', 'main.ts')], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        PORT: String(port),
        SQLITE_PATH: join(dataDir, 'bot.db'),
        NODE_EXTRA_CA_CERTS: caFile,
        APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=${ingestion.url}`,
        // Statsbeat reports to Microsoft's endpoints; a failed export must not be cached on
        // disk; every request is kept (the default rate limit samples some away).
        APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
        APPLICATIONINSIGHTS_CONFIGURATION_CONTENT: JSON.stringify({
          azureMonitorExporterOptions: { disableOfflineStorage: true },
          samplingRatio: 1,
          tracesPerSecond: 0,
        }),
      },
      // The logs on stdout are what is exported; the test reads them at the ingestion end.
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitUntilReady(url, () => bot.exitCode !== null);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const turn = await connector.say(`${url}/api/messages`, {
        user: { id: '29:telemetry-user', name: 'Anna Schmidt' },
        text: secretText,
      });
      expect(turn.status).toBe(200);
      expect(turn.replies.length).toBeGreaterThan(0);
      expect((await fetch(`${url}/privacy/c2VjcmV0LW9uZS10aW1lLXRva2VuLXZhbHVl.json`)).status).toBe(
        404,
      );
    } finally {
      // Graceful shutdown exports what the batch processors still hold.
      bot.kill('SIGTERM');
      [exitCode] = (await once(bot, 'exit')) as [number | null];
      envelopes = ingestion.envelopes;
      await connector.stop();
      ingestion.server.close();
    }
  }, 60_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const requests = () =>
    envelopes
      .filter((envelope) => envelope.data?.baseType === 'RequestData')
      .map((envelope) => envelope.data!.baseData!);

  it('stops cleanly after flushing', () => {
    expect(exitCode).toBe(0);
  });

  it('exports the health check and the Teams turn as requests with their status codes', () => {
    expect(requests()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'GET /healthz', responseCode: '200', success: true }),
        expect.objectContaining({ name: 'POST /api/messages', responseCode: '200', success: true }),
      ]),
    );
  });

  it('exports the reply to the Bot Connector as a dependency of the turn', () => {
    const dependencies = envelopes
      .filter((envelope) => envelope.data?.baseType === 'RemoteDependencyData')
      .map((envelope) => String(envelope.data!.baseData!.data));
    expect(dependencies).toEqual(
      expect.arrayContaining([expect.stringMatching(/\/v3\/conversations\/\{id\}\/activities/)]),
    );
  });

  it('exports the logs as they are written, at their level', () => {
    const logs = envelopes
      .filter((envelope) => envelope.data?.baseType === 'MessageData')
      .map((envelope) => envelope.data!.baseData!);
    expect(logs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          message: expect.stringMatching(/^Beende: nehme keine Anfragen mehr an/),
          severityLevel: 'Information',
        }),
      ]),
    );
  });

  it('never exports message text, e-mail addresses or one-time tokens', () => {
    const exported = JSON.stringify(envelopes);
    expect(envelopes.length).toBeGreaterThan(0);
    expect(exported).not.toContain('Sonnenblume42');
    expect(exported).not.toMatch(/[\w.-]+@[\w-]+\.[a-z]{2,}/i);
    expect(exported).not.toContain('c2VjcmV0LW9uZS10aW1lLXRva2VuLXZhbHVl');
    expect(exported).toContain('/privacy/{id}');
  });
});
