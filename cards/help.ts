import { renderCard, type CardAttachment } from './render';
import { strings, type Language } from './strings';
import template from './templates/help.json';

/** Which extra commands the reader may use. */
export interface HelpRoles {
  lotse: boolean;
  organiser: boolean;
}

export function helpCard(
  language: Language,
  roles: HelpRoles = { lotse: false, organiser: false },
): CardAttachment {
  const t = strings[language];
  const commands = [
    { name: t.commandAsk, description: t.commandAskText },
    { name: t.commandLotse, description: t.commandLotseText },
    { name: t.commandRequests, description: t.commandRequestsText },
    { name: t.commandCourses, description: t.commandCoursesText },
    { name: t.commandPrivacy, description: t.commandPrivacyText },
    { name: t.commandHelp, description: t.commandHelpText },
    { name: t.commandLanguage, description: t.commandLanguageText },
  ];
  const lotseCommands = roles.lotse
    ? [
        { name: t.commandTickets, description: t.commandTicketsText },
        { name: t.commandAbsent, description: t.commandAbsentText },
        { name: t.commandBack, description: t.commandBackText },
      ]
    : [];
  const organiserCommands = roles.organiser
    ? [
        { name: t.commandAnnounce, description: t.commandAnnounceText },
        { name: t.commandNewCourse, description: t.commandNewCourseText },
      ]
    : [];
  const shortcuts = [
    { title: t.commandLotse, value: t.commandLotse },
    { title: t.commandCourses, value: t.commandCourses },
  ];
  return renderCard(template, language, {
    commands,
    lotseCommands,
    organiserCommands,
    shortcuts,
  });
}
