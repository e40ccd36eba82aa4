/**
 * Local mode (no credentials, anonymous requests) exists for development only: it listens
 * on loopback and never starts in production — neither through loadConfig nor through a
 * Config assembled by hand nor as the real process.
 */
import { spawnSync } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { startApp } from '../../bot/app';
import { loadConfig, type Config } from '../../services/config';
import { silentLogger } from '../../services/logging';
import { startTestBot, type TestBot } from '../support/test-bot';

const repoRoot = resolve(__dirname, '..', '..');

describe('local anonymous mode', () => {
  let bot: TestBot;

  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.dispose();
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(bot.url).hostname).toBe('127.0.0.1');
    const port = new URL(bot.url).port;
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    // On a machine with a network interface, the bot must not answer on it.
    if (outside) {
      await expect(fetch(`http://${outside.address}:${port}/healthz`)).rejects.toThrow();
    }
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('refuses to start a hand-made production config without credentials', async () => {
    const local = loadConfig({ SQLITE_PATH: join(bot.dataDir, 'never.db'), PORT: '0' });
    const production: Config = { ...local, production: true };
    await expect(startApp(production, silentLogger)).rejects.toThrow(/Produktion/);
  });

  it('refuses to open the anonymous endpoint on all interfaces', async () => {
    const local = loadConfig({ SQLITE_PATH: join(bot.dataDir, 'never.db'), PORT: '0' });
    await expect(startApp({ ...local, host: '0.0.0.0' }, silentLogger)).rejects.toThrow(
      /127\.0\.0\.1/,
    );
  });

  it('stops the real process in production without credentials, naming the variable', () => {
    const started = spawnSync(process.execPath, ['--import', 'tsx', join('bot', 'main.ts')], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toMatch(/MicrosoftAppId/);
    expect(started.stdout).not.toMatch(/bereit/);
  });
});
