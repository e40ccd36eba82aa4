/**
 * Every verb the bot understands, in one place: each line hands the turn to a dialog.
 */
import { TeamsActivityHandler, type TurnContext } from 'botbuilder';
import { languageOf } from '../cards';
import { answerQuestion } from '../dialogs/ask';
import { showHelp } from '../dialogs/help';
import { switchLanguage } from '../dialogs/language';
import { showMyLotse } from '../dialogs/lotse';
import type { DialogServices } from '../dialogs/services';
import { identityOf, type Turn } from '../dialogs/turn';
import { rememberConversation, welcomeInstalledUser } from '../dialogs/welcome';
import { correlationIdOf, tenantIdOf } from './adapter';
import { normaliseCommand } from './commands-text';

type Step = (turn: Turn, services: DialogServices) => Promise<void>;

const textCommands: Array<[RegExp, Step]> = [
  [/^(hilfe|help|menü|menu|start|befehle|commands)$/, (turn) => showHelp(turn)],
  [/^(sprache|language)( .*)?$|^(english|deutsch|englisch)$/, switchLanguage],
  [
    /^((wer ist )?(mein(e)?|unser(e)?) )?(digital ?)?lots(e|in|en)( für mich)?$|^who is my (digital ?)?lotse$/,
    showMyLotse,
  ],
];

export class DigitallotseBot extends TeamsActivityHandler {
  constructor(private readonly services: DialogServices) {
    super();
    this.onMembersAdded(async (context, next) => {
      const botAdded = context.activity.membersAdded?.some(
        (m) => m.id === context.activity.recipient.id,
      );
      if (botAdded) await welcomeInstalledUser(await this.openTurn(context), services);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await rememberConversation(await this.openTurn(context), services);
      await next();
    });
    this.onMessage(async (context, next) => {
      const turn = await this.openTurn(context);
      const command = normaliseCommand(turn.text);
      const step = textCommands.find(([pattern]) => pattern.test(command))?.[1] ?? answerQuestion;
      await step(turn, services);
      await next();
    });
  }

  private async openTurn(context: TurnContext): Promise<Turn> {
    const identity = identityOf(context, tenantIdOf(context));
    const profile = await this.services.profiles.get(identity);
    return {
      context,
      identity,
      language: profile?.language ?? languageOf(context.activity.locale),
      correlationId: correlationIdOf(context),
      text: (context.activity.text ?? '').trim(),
    };
  }
}
