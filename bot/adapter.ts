/**
 * The Bot Framework edge: CloudAdapter with channel authentication, the tenant gate and
 * the turn error handler. Nothing here knows about the product's features.
 */
import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import { errorCard, languageOf, strings } from '../cards';
import type { BotCredentials } from '../services/config';
import type { Logger } from '../services/logging';
import { StoreUnavailableError } from '../services/storage';

export interface AdapterOptions {
  credentials?: BotCredentials;
  allowedTenantIds: string[];
  logger: Logger;
  /** Overrides of the authentication endpoints (tests use a local OpenID metadata server). */
  authOverrides?: ConfigurationBotFrameworkAuthenticationOptions;
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

export function createAdapter(options: AdapterOptions): CloudAdapter {
  const { credentials, logger } = options;
  const auth = new ConfigurationBotFrameworkAuthentication({
    ...(credentials && {
      MicrosoftAppId: credentials.appId,
      MicrosoftAppPassword: credentials.appPassword,
      MicrosoftAppType: credentials.appType,
      MicrosoftAppTenantId: credentials.tenantId,
    }),
    ...options.authOverrides,
  });
  const adapter = new CloudAdapter(auth);

  adapter.use(async (context, next) => {
    context.turnState.set(CORRELATION_ID, randomUUID());
    const tenantId = tenantIdOf(context);
    if (options.allowedTenantIds.length > 0 && !options.allowedTenantIds.includes(tenantId ?? '')) {
      logger.warn(
        { correlationId: correlationIdOf(context), tenantId, type: context.activity.type },
        'activity from a tenant that is not allowed was refused',
      );
      if (context.activity.type === ActivityTypes.Message) {
        await context.sendActivity(strings[languageOf(context.activity.locale)].tenantRefused);
      }
      return;
    }
    await next();
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
      const card = errorCard(
        languageOf(context.activity.locale),
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
