/**
 * Every verb the bot understands, in one place: each line hands the turn to a dialog.
 */
import { TeamsActivityHandler, type TurnContext } from 'botbuilder';
import { strings } from '../cards';
import { answerQuestion, showEntry } from '../dialogs/ask';
import { decideFaqProposal, showFaqProposals } from '../dialogs/faq-review';
import { recordFeedback } from '../dialogs/feedback';
import { showHelp } from '../dialogs/help';
import { languageFor, switchLanguage } from '../dialogs/language';
import { showMyLotse } from '../dialogs/lotse';
import type { DialogServices } from '../dialogs/services';
import { identityOf, sendText, type Turn } from '../dialogs/turn';
import { rememberConversation, welcomeInstalledUser } from '../dialogs/welcome';
import { correlationIdOf, tenantIdOf } from './adapter';
import { normaliseCommand } from './commands-text';

type Step = (turn: Turn, services: DialogServices) => Promise<void>;
type CardStep = (
  turn: Turn,
  services: DialogServices,
  value: Record<string, unknown>,
) => Promise<void>;

const textCommands: Array<[RegExp, Step]> = [
  [/^(hilfe|help|menü|menu|start|befehle|commands)$/, (turn) => showHelp(turn)],
  [/^(sprache|language)( .*)?$|^(english|deutsch|englisch)$/, switchLanguage],
  [
    /^((wer ist )?(mein(e)?|unser(e)?) )?(digital ?)?lots(e|in|en)( für mich)?$|^who is my (digital ?)?lotse$/,
    showMyLotse,
  ],
  [/^faq[ -]?(vorschläge|vorschlaege|proposals)$/, showFaqProposals],
];

/** Card buttons (Action.Submit): `value.verb` names the step; the rest is only ids. */
const cardVerbs: Record<string, CardStep> = {
  feedback: recordFeedback,
  followUp: (turn, services, value) => showEntry(turn, services, value.entryId),
  pick: (turn, services, value) => showEntry(turn, services, value.entryId),
  handoff: (turn, services) => showMyLotse(turn, services),
  faqAccept: decideFaqProposal,
  faqPhrasing: decideFaqProposal,
  faqReject: decideFaqProposal,
};

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
      const value = context.activity.value as unknown;
      if (isRecord(value) && typeof value.verb === 'string') {
        const step = Object.hasOwn(cardVerbs, value.verb) ? cardVerbs[value.verb] : undefined;
        await (step
          ? step(turn, services, value)
          : sendText(turn, strings[turn.language].unknownAction));
      } else {
        const command = normaliseCommand(turn.text);
        const step = textCommands.find(([pattern]) => pattern.test(command))?.[1] ?? answerQuestion;
        await step(turn, services);
      }
      await next();
    });
  }

  private async openTurn(context: TurnContext): Promise<Turn> {
    const identity = identityOf(context, tenantIdOf(context));
    return {
      context,
      identity,
      language: await languageFor(identity, context.activity.locale, this.services),
      correlationId: correlationIdOf(context),
      text: (context.activity.text ?? '').trim(),
    };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
