import { TurnContext } from 'botbuilder';
import { welcomeCard } from '../cards';
import { lookUpLotse } from './lotse';
import type { DialogServices } from './services';
import { sendCard, type Turn } from './turn';

/** The app was installed: remember how to reach the user, then say hello. */
export async function welcomeInstalledUser(turn: Turn, services: DialogServices): Promise<void> {
  await rememberConversation(turn, services);
  const { lotse } = await lookUpLotse(turn, services);
  await sendCard(
    turn,
    welcomeCard(
      turn.language,
      lotse ? { lotse: { name: lotse.displayName, unit: lotse.department ?? '' } } : {},
    ),
  );
}

/** Stores the conversation reference without a greeting (e.g. on installationUpdate). */
export async function rememberConversation(turn: Turn, services: DialogServices): Promise<void> {
  const reference = TurnContext.getConversationReference(turn.context.activity);
  await services.profiles.recordInstallation(
    turn.identity,
    JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
  );
}
