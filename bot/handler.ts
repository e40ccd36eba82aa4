/**
 * Every verb the bot understands, in one place: each line hands the turn to a dialog.
 */
import {
  ActivityTypes,
  TeamsActivityHandler,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { languageOf, strings } from '../cards';
import { answerQuestion, showEntry } from '../dialogs/ask';
import {
  announceCourse,
  cancelCourse,
  cancelRegistration,
  downloadAttendees,
  registerForCourse,
  showCourse,
  showCourses,
} from '../dialogs/courses';
import { decideFaqProposal, showFaqProposals } from '../dialogs/faq-review';
import { recordFeedback } from '../dialogs/feedback';
import { askToErase, eraseMyData, exportMyData, showPrivacy } from '../dialogs/privacy';
import {
  acknowledgeAnnouncement,
  approveAnnouncement,
  composeAnnouncement,
  declineAnnouncement,
  discardAnnouncement,
  downloadAnnouncementReport,
  editAnnouncement,
  previewAnnouncement,
  recallAnnouncement,
  sendAnnouncement,
  showAnnouncementReport,
  updateAnnouncement,
} from '../dialogs/announcements';
import {
  createCourseFromForm,
  showCourseEditForm,
  showCourseForm,
  updateCourseFromForm,
} from '../dialogs/course-form';
import { showHelp } from '../dialogs/help';
import { languageFor, switchLanguage } from '../dialogs/language';
import { showMyLotse } from '../dialogs/lotse';
import type { DialogServices } from '../dialogs/services';
import { handOffAskedQuestion, handOffDirectly } from '../dialogs/handoff';
import {
  actOnTicket,
  markAbsent,
  markPresent,
  showMyRequests,
  showMyTickets,
  showTicket,
} from '../dialogs/tickets';
import { identityOf, sendText, type Turn } from '../dialogs/turn';
import { rememberConversation, welcomeInstalledUser } from '../dialogs/welcome';
import { correlationIdOf, declineTurn, tenantIdOf } from './adapter';
import { normaliseCommand } from './commands-text';

type Step = (turn: Turn, services: DialogServices) => Promise<void>;
type CardStep = (
  turn: Turn,
  services: DialogServices,
  value: Record<string, unknown>,
) => Promise<void>;

const textCommands: Array<[RegExp, Step]> = [
  [/^(hilfe|help|menü|menu|start|befehle|commands)$/, showHelp],
  [/^(sprache|language)( .*)?$|^(english|deutsch|englisch)$/, switchLanguage],
  [
    /^((wer ist )?(mein(e)?|unser(e)?) )?(digital ?)?lots(e|in|en)( für mich)?$|^who is my (digital ?)?lotse$/,
    showMyLotse,
  ],
  [/^faq[ -]?(vorschläge|vorschlaege|proposals)$/, showFaqProposals],
  [/^(datenschutz|privacy|meine daten|my data)$/, showPrivacy],
  [/^(an|to) (meine[nm]?|unsere[nm]?|my|our) (digital ?)?lots(e|en|in)\b/, handOffDirectly],
  [/^(meine anfragen|my requests)$/, showMyRequests],
  [/^(kurse|courses|kursangebot|schulungen|meine kurse|my courses)$/, showCourses],
  [/^(kurs anlegen|neuer kurs|kurs erstellen|new course|create course)$/, showCourseForm],
  [/^(meine tickets|my tickets)$/, showMyTickets],
  [/^(abwesend|absent)( (bis|until|till) .+)?$/, markAbsent],
  [/^((ich bin |bin )?wieder da|zurück|back|i am back)$/, markPresent],
  [
    /^(mitteilung|neue mitteilung|ankündigung|rundschreiben|announce|announcement)$/,
    composeAnnouncement,
  ],
];

/** Card buttons (Action.Submit): `value.verb` names the step; the rest is only ids. */
const cardVerbs: Record<string, CardStep> = {
  feedback: recordFeedback,
  followUp: (turn, services, value) => showEntry(turn, services, value.entryId),
  pick: (turn, services, value) => showEntry(turn, services, value.entryId),
  handoff: handOffAskedQuestion,
  'ticket.claim': actOnTicket,
  'ticket.answer': actOnTicket,
  'ticket.forward': actOnTicket,
  'ticket.proposeFaq': actOnTicket,
  'ticket.close': actOnTicket,
  'ticket.withdraw': actOnTicket,
  'ticket.addInfo': actOnTicket,
  'ticket.solved': actOnTicket,
  'ticket.reopen': actOnTicket,
  'ticket.show': showTicket,
  'course.show': showCourse,
  'course.register': registerForCourse,
  'course.cancel': cancelRegistration,
  'course.attendees': downloadAttendees,
  'course.announce': announceCourse,
  'course.cancelCourse': cancelCourse,
  faqAccept: decideFaqProposal,
  faqPhrasing: decideFaqProposal,
  faqReject: decideFaqProposal,
  privacyExport: (turn, services) => exportMyData(turn, services),
  privacyErase: (turn) => askToErase(turn),
  privacyEraseConfirmed: (turn, services) => eraseMyData(turn, services),
  announcementRead: acknowledgeAnnouncement,
  'announce.preview': previewAnnouncement,
  'announce.send': sendAnnouncement,
  'announce.discard': discardAnnouncement,
  'announce.approve': approveAnnouncement,
  'announce.decline': declineAnnouncement,
  'announce.report': showAnnouncementReport,
  'announce.recall': recallAnnouncement,
  'announce.edit': editAnnouncement,
  'announce.update': updateAnnouncement,
  'announce.csv': downloadAnnouncementReport,
  'course.create': createCourseFromForm,
  'course.edit': showCourseEditForm,
  'course.update': updateCourseFromForm,
};

/**
 * The activity types the bot acts on. Edits, deletions, reactions, typing and events are
 * acknowledged and ignored — botbuilder's own handlers for them throw on payloads without
 * Teams channel data.
 */
const handledTypes: ReadonlySet<string> = new Set([
  ActivityTypes.Message,
  ActivityTypes.ConversationUpdate,
  ActivityTypes.InstallationUpdate,
  ActivityTypes.Invoke,
]);

/**
 * Invokes the bot can be sent: Universal Actions of its cards. Message extensions, task
 * modules, file consent and the like are not offered; such invokes are declined.
 */
const offeredInvokes: ReadonlySet<string> = new Set(['adaptiveCard/action']);

const NOT_IMPLEMENTED = 501;
const BAD_REQUEST = 400;

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

  protected override async onTurnActivity(context: TurnContext): Promise<void> {
    if (handledTypes.has(context.activity.type)) await super.onTurnActivity(context);
  }

  /** An invoke the bot does not offer is a request it declines politely, not a fault. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const { name, value } = context.activity as { name?: string; value?: unknown };
    if (!offeredInvokes.has(name ?? '')) return declineInvoke(context);
    // botbuilder reads `value.action` without looking whether it is there.
    if (!isRecord(value) || !isRecord(value.action)) return { status: BAD_REQUEST };
    const response = await super.onInvokeActivity(context);
    return response.status === NOT_IMPLEMENTED ? declineInvoke(context) : response;
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

async function declineInvoke(context: TurnContext): Promise<InvokeResponse> {
  await declineTurn(context, strings[languageOf(context.activity.locale)].unknownAction);
  return { status: 200 };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
