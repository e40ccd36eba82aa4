import { renderCard, type CardAttachment } from './render';
import { strings, type Language } from './strings';
import template from './templates/help.json';

export function helpCard(language: Language): CardAttachment {
  const t = strings[language];
  const commands = [
    { name: t.commandAsk, description: t.commandAskText },
    { name: t.commandLotse, description: t.commandLotseText },
    { name: t.commandRequests, description: t.commandRequestsText },
    { name: t.commandTickets, description: t.commandTicketsText },
    { name: t.commandCourses, description: t.commandCoursesText },
    { name: t.commandPrivacy, description: t.commandPrivacyText },
    { name: t.commandHelp, description: t.commandHelpText },
    { name: t.commandLanguage, description: t.commandLanguageText },
  ];
  const shortcuts = [
    { title: t.commandLotse, value: t.commandLotse },
    { title: t.commandCourses, value: t.commandCourses },
  ];
  return renderCard(template, language, { commands, shortcuts });
}
