/**
 * Channel authentication for real: the bot runs with credentials and checks every
 * activity's token against a local OpenID metadata server; tokens are signed with jose.
 * A refused activity must not run any turn logic: nothing reaches Teams, nothing is stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ToBotFromBotOrEmulatorTokenValidationParameters } from 'botframework-connector';
import { SignJWT, exportSPKI, importJWK, type KeyLike } from 'jose';
import { startApp, type RunningBot } from '../../bot/app';
import { loadConfig } from '../../services/config';
import { silentLogger } from '../../services/logging';
import { USERS_CONTAINER, profileIdOf } from '../../services/users';
import {
  ConnectorDouble,
  TEST_TENANT_ID,
  type Activity,
  type TestUser,
} from '../support/connector-double';
import { OpenIdServer } from '../support/openid-server';
import {
  CHANNEL_ISSUER,
  OfflineCredentialFactory,
  channelToken,
  createSigningKey,
  unsignedToken,
  type SigningKey,
  type TokenOptions,
} from '../support/tokens';

const APP_ID = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const APP_PASSWORD = 'test-password';
const OTHER_APP_ID = '0b0b0b0b-1111-4222-8333-444455556666';
const EMULATOR_ISSUER = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';

describe('channel authentication with credentials configured', () => {
  const connector = new ConnectorDouble();
  let openId: OpenIdServer;
  let teamsKey: SigningKey;
  /** Same kid as the Teams key, different key material: a forged signature. */
  let forgedKey: SigningKey;
  let unpublishedKey: SigningKey;
  let bot: RunningBot;
  let messagesUrl: string;
  let dataDir: string;
  let users = 0;

  beforeAll(async () => {
    // botbuilder writes every refused token to console.error; the assertions say enough.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    teamsKey = await createSigningKey('teams-key');
    forgedKey = await createSigningKey('teams-key');
    unpublishedKey = await createSigningKey('unpublished-key');
    openId = await new OpenIdServer([{ key: teamsKey, endorsements: ['msteams'] }]).start();
    await connector.start();
    dataDir = mkdtempSync(join(tmpdir(), 'digitallotse-auth-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      SQLITE_PATH: join(dataDir, 'bot.db'),
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: APP_PASSWORD,
      ALLOWED_TENANT_IDS: TEST_TENANT_ID,
    });
    bot = await startApp(config, silentLogger, {
      authentication: {
        authOverrides: openId.authOverrides(),
        credentialsFactory: new OfflineCredentialFactory(APP_ID, APP_PASSWORD),
      },
    });
    messagesUrl = `${bot.url}/api/messages`;
  });

  afterAll(async () => {
    await bot.close();
    await connector.stop();
    await openId.stop();
    rmSync(dataDir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  beforeEach(() => connector.clear());

  /** A fresh user per case, so "no profile written" cannot be satisfied by an earlier case. */
  function newUser(): TestUser {
    users += 1;
    const n = String(users).padStart(12, '0');
    return { id: `29:user-${n}`, aadObjectId: `a0a0a0a0-0000-4000-8000-${n}` };
  }

  function installOf(user: TestUser, channelId = 'msteams'): Activity {
    const activity = connector.activityFor({ user });
    return {
      ...activity,
      channelId,
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: activity.recipient.id }],
    };
  }

  function tokenFor(overrides: Partial<TokenOptions> = {}): TokenOptions {
    return { audience: APP_ID, serviceUrl: `${connector.url}/`, ...overrides };
  }

  async function post(activity: Activity, authorization?: string): Promise<number> {
    const response = await fetch(messagesUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(authorization !== undefined && { authorization }),
      },
      body: JSON.stringify(activity),
    });
    await response.arrayBuffer();
    return response.status;
  }

  async function profileOf(user: TestUser): Promise<unknown> {
    return bot.store.get(
      USERS_CONTAINER,
      profileIdOf({ teamsUserId: user.id, aadObjectId: user.aadObjectId }),
    );
  }

  it('accepts an install with a valid Teams token: welcome sent, profile stored', async () => {
    const user = newUser();
    const status = await post(
      installOf(user),
      `Bearer ${await channelToken(teamsKey, tokenFor())}`,
    );
    expect(status).toBe(200);
    expect(connector.calls.map((c) => c.op)).toEqual(['reply']);
    expect(await profileOf(user)).toBeDefined();
    expect(openId.fetches.keys).toBeGreaterThan(0);
  });

  it('answers a message with a valid token', async () => {
    const activity = connector.activityFor({ user: newUser(), text: 'hilfe' });
    const status = await post(activity, `Bearer ${await channelToken(teamsKey, tokenFor())}`);
    expect(status).toBe(200);
    expect(connector.calls.map((c) => c.op)).toEqual(['reply']);
  });

  interface RefusedCase {
    name: string;
    token: () => Promise<string | undefined>;
    channelId?: string;
  }

  const refused: RefusedCase[] = [
    {
      name: 'no Authorization header',
      token: async () => undefined,
    },
    {
      name: 'an empty Authorization header',
      token: async () => '',
    },
    {
      name: 'a Basic instead of a Bearer scheme',
      token: async () => `Basic ${btoa('bot:secret')}`,
    },
    {
      name: 'a token that is not a JWT',
      token: async () => 'Bearer not-a-token',
    },
    {
      name: 'a signature made with another key under the trusted kid',
      token: async () => `Bearer ${await channelToken(forgedKey, tokenFor())}`,
    },
    {
      name: 'a key id the metadata does not publish',
      token: async () => `Bearer ${await channelToken(unpublishedKey, tokenFor())}`,
    },
    {
      name: 'alg "none" with the kid of the trusted key',
      token: async () => `Bearer ${unsignedToken(teamsKey.kid, tokenFor())}`,
    },
    {
      name: 'HS256 signed with the public key as secret (algorithm confusion)',
      token: async () => `Bearer ${await hmacWithPublicKey(teamsKey, tokenFor())}`,
    },
    {
      name: 'another issuer',
      token: async () =>
        `Bearer ${await channelToken(teamsKey, tokenFor({ issuer: 'https://evil.example' }))}`,
    },
    {
      name: 'an Emulator token naming the bot, signed by a trusted key',
      token: async () =>
        `Bearer ${await channelToken(
          teamsKey,
          tokenFor({ issuer: EMULATOR_ISSUER, claims: { ver: '1.0', appid: APP_ID } }),
        )}`,
    },
    {
      name: 'a skill token from another bot',
      token: async () =>
        `Bearer ${await channelToken(
          teamsKey,
          tokenFor({ issuer: EMULATOR_ISSUER, claims: { ver: '1.0', appid: OTHER_APP_ID } }),
        )}`,
    },
    {
      name: 'a token for another bot (audience)',
      token: async () =>
        `Bearer ${await channelToken(teamsKey, tokenFor({ audience: OTHER_APP_ID }))}`,
    },
    {
      name: 'an expired token (beyond the 5-minute clock skew)',
      token: async () =>
        `Bearer ${await channelToken(teamsKey, tokenFor({ expiresIn: -10 * 60 }))}`,
    },
    {
      name: 'a token not valid yet (beyond the 5-minute clock skew)',
      token: async () =>
        `Bearer ${await channelToken(teamsKey, tokenFor({ notBeforeIn: 10 * 60 }))}`,
    },
    {
      name: 'a serviceUrl claim that differs from the activity',
      token: async () =>
        `Bearer ${await channelToken(teamsKey, tokenFor({ serviceUrl: 'https://smba.example/' }))}`,
    },
    {
      name: 'no serviceUrl claim',
      token: async () =>
        `Bearer ${await channelToken(teamsKey, tokenFor({ claims: { serviceurl: undefined } }))}`,
    },
    {
      name: 'a Teams key used for another channel (endorsements)',
      token: async () => `Bearer ${await channelToken(teamsKey, tokenFor())}`,
      channelId: 'webchat',
    },
  ];

  it.each(refused)(
    'refuses $name with 401 and runs no turn logic',
    async ({ token, channelId = 'msteams' }) => {
      const user = newUser();
      expect(await post(installOf(user, channelId), await token())).toBe(401);
      const message = connector.activityFor({ user, text: 'hilfe' });
      expect(await post({ ...message, channelId }, await token())).toBe(401);
      expect(connector.calls).toEqual([]);
      expect(await profileOf(user)).toBeUndefined();
    },
  );

  it('does not let unverified tokens grow botbuilder’s process-wide issuer list', async () => {
    const before = ToBotFromBotOrEmulatorTokenValidationParameters.issuer?.length;
    for (let i = 0; i < 20; i += 1) {
      const claims = { tid: `tenant-${i}-${'x'.repeat(500)}` };
      const token = await channelToken(
        unpublishedKey,
        tokenFor({ issuer: EMULATOR_ISSUER, claims }),
      );
      expect(await post(installOf(newUser()), `Bearer ${token}`)).toBe(401);
    }
    expect(ToBotFromBotOrEmulatorTokenValidationParameters.issuer?.length).toBe(before);
  });

  it('still applies the tenant gate after a valid token', async () => {
    const user = newUser();
    const activity = connector.activityFor({ user, text: 'hilfe', tenantId: 'other-tenant' });
    expect(await post(activity, `Bearer ${await channelToken(teamsKey, tokenFor())}`)).toBe(200);
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]?.activity?.text).toMatch(/nur den Beschäftigten/);
    expect(await profileOf(user)).toBeUndefined();
  });

  it('answers a card action from a tenant that is not allowed with 200, not 501', async () => {
    const activity = connector.activityFor({
      user: newUser(),
      tenantId: 'other-tenant',
      invokeVerb: 'handoff',
    });
    const response = await fetch(messagesUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await channelToken(teamsKey, tokenFor())}`,
      },
      body: JSON.stringify(activity),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/nur den Beschäftigten/);
    expect(connector.calls).toEqual([]);
  });
});

/** The classic confusion attack: the RSA public key (PEM) used as an HMAC secret. */
async function hmacWithPublicKey(key: SigningKey, options: TokenOptions): Promise<string> {
  const publicKey = (await importJWK(key.jwk, 'RS256')) as KeyLike;
  const secret = new TextEncoder().encode(await exportSPKI(publicKey));
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: CHANNEL_ISSUER,
    aud: options.audience,
    serviceurl: options.serviceUrl,
    nbf: now - 60,
    exp: now + 3600,
  })
    .setProtectedHeader({ alg: 'HS256', kid: key.kid })
    .sign(secret);
}
