/**
 * The Bot Framework edge: CloudAdapter with channel authentication, the tenant gate, the
 * per-user rate limit and the turn error handler. Nothing here knows about the product's
 * features.
 */
import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  CloudAdapter,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import { errorCard, languageOf, strings } from '../cards';
import type { BotCredentials } from '../services/config';
import type { Logger } from '../services/logging';
import { StoreUnavailableError } from '../services/storage';
import { ChannelAuthentication } from './channel-authentication';
import type { UserRateLimit } from './rate-limit';

export interface AdapterOptions {
  credentials?: BotCredentials;
  allowedTenantIds: string[];
  logger: Logger;
  /** Overrides of the authentication endpoints (tests use a local OpenID metadata server). */
  authOverrides?: ConfigurationBotFrameworkAuthenticationOptions;
  /** Replaces how the bot gets its own outgoing tokens (tests have no Entra ID). */
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** Messages and card actions per user; none: unlimited. */
  userRateLimit?: UserRateLimit;
}

const CORRELATION_ID = Symbol('correlationId');

export function correlationIdOf(context: TurnContext): string {
  return (context.turnState.get(CORRELATION_ID) as string | undefined) ?? 'unbekannt';
}

export function tenantIdOf(context: TurnContext): string | undefined {
  const activity = context.activity;
  const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant
    ?.id;
  return (
    activity.conversation?.tenantId ??
    (typeof channelTenant === 'string' ? channelTenant : undefined)
  );
}

/**
 * Ends a turn the bot will not handle. A message gets `text` in the chat (nothing when
 * undefined); an invoke gets it as its response, which Teams shows — without one,
 * botbuilder would answer the invoke with a 501.
 */
export async function declineTurn(context: TurnContext, text: string | undefined): Promise<void> {
  if (context.activity.type === ActivityTypes.Invoke) {
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: {
        status: 200,
        body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text },
      },
    });
  } else if (context.activity.type === ActivityTypes.Message && text !== undefined) {
    await context.sendActivity({ text, textFormat: 'plain' });
  }
}

const USER_INITIATED: ReadonlySet<string> = new Set([ActivityTypes.Message, ActivityTypes.Invoke]);

export function createAdapter(options: AdapterOptions): CloudAdapter {
  const { credentials, logger } = options;
  const auth = new ChannelAuthentication(
    credentials !== undefined,
    {
      ...(credentials && {
        MicrosoftAppId: credentials.appId,
        MicrosoftAppPassword: credentials.appPassword,
        MicrosoftAppType: credentials.appType,
        MicrosoftAppTenantId: credentials.tenantId,
      }),
      ...options.authOverrides,
    },
    options.credentialsFactory,
  );
  const adapter = new CloudAdapter(auth);

  adapter.use(async (context, next) => {
    context.turnState.set(CORRELATION_ID, randomUUID());
    const tenantId = tenantIdOf(context);
    if (options.allowedTenantIds.length > 0 && !options.allowedTenantIds.includes(tenantId ?? '')) {
      logger.warn(
        { correlationId: correlationIdOf(context), tenantId, type: context.activity.type },
        'activity from a tenant that is not allowed was refused',
      );
      await declineTurn(context, strings[languageOf(context.activity.locale)].tenantRefused);
      return;
    }
    await next();
  });

  adapter.use(async (context, next) => {
    const { userRateLimit } = options;
    if (!userRateLimit || !USER_INITIATED.has(context.activity.type)) return next();
    const from = context.activity.from;
    const decision = userRateLimit.take(
      `${tenantIdOf(context) ?? ''}|${from.aadObjectId ?? from.id}`,
    );
    if (decision.allowed) return next();
    if (decision.notify) {
      logger.warn(
        { correlationId: correlationIdOf(context), type: context.activity.type },
        'user over the message rate limit',
      );
    }
    const text = strings[languageOf(context.activity.locale)].rateLimited;
    // Invokes always need their answer; the chat hears it once per window.
    await declineTurn(
      context,
      decision.notify || context.activity.type === ActivityTypes.Invoke ? text : undefined,
    );
  });

  adapter.onTurnError = async (context, error) => {
    const correlationId = correlationIdOf(context);
    const unavailable = error instanceof StoreUnavailableError;
    logger.error(
      { correlationId, err: { name: error.name, message: error.message, stack: error.stack } },
      'turn failed',
    );
    if (
      context.activity.type !== ActivityTypes.Message &&
      context.activity.type !== ActivityTypes.Invoke
    )
      return;
    try {
      const language = languageOf(context.activity.locale);
      if (context.activity.type === ActivityTypes.Invoke) {
        await declineTurn(context, strings[language].errorTitle);
      }
      const card = errorCard(
        language,
        unavailable ? 'unavailable' : 'internal',
        unavailable ? undefined : correlationId,
      );
      await context.sendActivity({ attachments: [card] });
    } catch (sendError) {
      logger.error(
        { correlationId, err: { message: (sendError as Error).message } },
        'error card could not be sent',
      );
    }
  };
  return adapter;
}
