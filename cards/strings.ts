/** Every text the cards show, in German and English. Keys are shared by both languages. */
import * as announcementStrings from './strings/announcements';
import * as helpStrings from './strings/help';
import * as courseFormStrings from './strings/course-form';
import * as lotseStandInStrings from './strings/lotse-stand-in';
import * as courseStrings from './strings/courses';
import * as ticketStrings from './strings/tickets';

export type Language = 'de' | 'en';

const de = {
  welcomeTitle: 'Willkommen bei Digitallotse',
  welcomeIntro:
    'Ich beantworte Fragen rund um digitales Arbeiten in der Stadtverwaltung – von Teams über Outlook bis zum Passwort. Was ich nicht weiß, gebe ich an Ihre Digitallotsin oder Ihren Digitallotsen weiter.',
  welcomeAsk: 'Stellen Sie Ihre Frage einfach hier im Chat, in Ihren eigenen Worten.',
  welcomeLotse: 'Ihre Ansprechperson',
  helpTitle: 'So helfe ich Ihnen',
  helpIntro: 'Schreiben Sie Ihre Frage in eigenen Worten – oder einen dieser Befehle:',
  helpButton: 'Hilfe',
  commandAsk: 'Ihre Frage',
  commandAskText: 'z. B. „Wie ändere ich mein Passwort?“',
  commandHelp: 'hilfe',
  commandHelpText: 'zeigt diese Übersicht',
  commandLotse: 'Wer ist mein Digitallotse?',
  commandLotseText: 'nennt Ihre Ansprechperson mit Erreichbarkeit',
  commandLanguage: 'sprache',
  commandLanguageText: 'wechselt zwischen Deutsch und Englisch',
  languageSwitched: 'Alles klar, ich antworte ab jetzt auf Deutsch.',
  errorTitle: 'Das hat leider nicht geklappt',
  errorText:
    'Bei der Bearbeitung ist ein Fehler aufgetreten. Bitte versuchen Sie es in einem Moment erneut. Wenn es wieder passiert, nennen Sie dem IT-Servicedesk bitte diese Kennung:',
  errorId: 'Kennung',
  unavailableText: 'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.',
  tenantRefused:
    'Dieser Bot steht nur den Beschäftigten der Stadtverwaltung zur Verfügung. Ihre Organisation ist dafür nicht freigeschaltet.',
  answerHelpful: 'Hat das geholfen?',
  voteUp: '👍 Ja',
  voteDown: '👎 Nein',
  voteThanksUp: 'Danke! Schön, dass es geholfen hat.',
  voteThanksDown:
    'Danke für die Rückmeldung. Wir verbessern die Antwort – oder fragen Sie direkt Ihre Lotsin / Ihren Lotsen.',
  followUps: 'Passende Anschlussfragen',
  faqProposalTitle: 'FAQ-Vorschlag',
  faqProposedBy: 'Vorgeschlagen von',
  faqQuestion: 'Frage',
  faqAnswer: 'Antwort',
  faqQuestionMissing: 'Bitte eine Frage eingeben.',
  faqAnswerMissing: 'Bitte eine Antwort eingeben.',
  faqNearest: 'Ähnlicher Eintrag:',
  faqAcceptEntry: 'Als neuen Eintrag übernehmen',
  faqAcceptPhrasing: 'Als Formulierung übernehmen',
  faqReject: 'Ablehnen',
  faqAcceptedEntry: '✓ Übernommen als neuer Eintrag',
  faqAcceptedPhrasing: '✓ Als Formulierung hinzugefügt zu Eintrag',
  faqRejected: '✗ Abgelehnt',
  faqAlreadyDecided: 'Über diesen Vorschlag wurde bereits entschieden.',
  faqNone: 'Es gibt keine offenen FAQ-Vorschläge.',
  faqNotAllowed: 'Die FAQ-Vorschläge sehen nur Organisatorinnen, Organisatoren und Admins.',
  faqUnknown: 'Diesen Vorschlag gibt es nicht (mehr).',
  faqEmpty: 'Frage und Antwort dürfen nicht leer sein.',
  commandPrivacy: 'datenschutz',
  commandPrivacyText: 'zeigt, was über Sie gespeichert ist – mit Export und Löschen',
  privacyTitle: 'Datenschutz',
  privacyOverview:
    'Der Bot speichert nur, was er für seine Aufgaben braucht. Über Sie ist gespeichert (Anzahl Einträge):',
  privacyExport: 'Meine Daten exportieren',
  privacyErase: 'Meine Daten löschen',
  privacyExported: 'Ihr Export ist bereit. Der Link funktioniert einmal und nur kurze Zeit.',
  privacyDownload: 'Export herunterladen (JSON)',
  privacyValidUntil: 'Gültig bis',
  privacyConfirm:
    'Wirklich alle Ihre Daten löschen? Offene Anfragen werden anonymisiert, Anmeldungen entfernt. Das lässt sich nicht rückgängig machen.',
  privacyEraseConfirm: 'Ja, endgültig löschen',
  privacyCancel: 'Abbrechen',
  privacyErased: 'Erledigt. Gelöscht oder anonymisiert wurden:',
  commandRequests: 'meine anfragen',
  commandRequestsText:
    'Ihre Anfragen an Lotsinnen und Lotsen – ergänzen, zurückziehen, als gelöst markieren',
  commandTickets: 'meine tickets',
  commandTicketsText:
    'für Lotsinnen und Lotsen: offene, übernommene und überfällige Anfragen; „abwesend bis 5.12.“ / „wieder da“',
  commandCourses: 'kurse',
  commandCoursesText: 'zeigt die kommenden Kurse – mit Anmeldung und Kalenderdatei',
  unknownAction: 'Diese Aktion kenne ich nicht (mehr). Schreiben Sie „hilfe“ für eine Übersicht.',
  rateLimited:
    'Sie schreiben mir gerade schneller, als ich antworten kann. Bitte warten Sie einen Moment – in spätestens einer Minute bin ich wieder für Sie da.',
  feedbackRefused: 'Diese Rückmeldung konnte ich leider keiner Antwort zuordnen.',
  handoff: 'An meine Digitallotsin / meinen Digitallotsen weitergeben',
  suggestionsTitle: 'Meinten Sie …?',
  suggestionsText: 'Ich bin mir nicht sicher, was Sie meinen. Passt eine dieser Fragen?',
  noAnswerTitle: 'Dazu weiß ich leider (noch) nichts',
  noAnswerText:
    'Ihre Frage kann ich nicht sicher beantworten. Ihre Digitallotsin oder Ihr Digitallotse hilft gern weiter.',
  lotseTitle: 'Ihre Ansprechperson',
  lotseAvailable: 'erreichbar',
  lotseAbsent: 'abwesend',
  lotseAbsentUntil: 'abwesend bis',
  lotseChat: 'Chat öffnen',
  lotseOthers: 'Weitere Lotsinnen und Lotsen Ihres Bereichs',
  lotseCentral: 'Zentrales Digitallotsen-Team',
  lotseNone:
    'Für Ihren Bereich ist noch keine Digitallotsin und kein Digitallotse eingetragen. Das zentrale Team hilft Ihnen gern.',
  lotseViaManager: 'Ihr Bereich hat keine eigene Lotsin / keinen eigenen Lotsen; zuständig ist:',
  lotseNotRoutable:
    'Diese Funktion steht nur aktiven Beschäftigten der Stadtverwaltung zur Verfügung – Gastkonten können keine Lotsin und keinen Lotsen erreichen.',
  lotseIsYou:
    'Sie sind selbst Digitallotsin / Digitallotse. Ihre Ansprechperson für eigene Fragen:',
  ...announcementStrings.de,
  ...helpStrings.de,
  ...courseFormStrings.de,
  ...lotseStandInStrings.de,
  ...courseStrings.de,
  ...ticketStrings.de,
};

export type Strings = typeof de;

const en: Strings = {
  welcomeTitle: 'Welcome to Digitallotse',
  welcomeIntro:
    'I answer questions about digital work in the city administration – from Teams and Outlook to your password. What I cannot answer, I pass on to your Digitallotse, the digital guide of your unit.',
  welcomeAsk: 'Just ask your question here in the chat, in your own words.',
  welcomeLotse: 'Your contact',
  helpTitle: 'How I can help',
  helpIntro: 'Type your question in your own words – or one of these commands:',
  helpButton: 'Help',
  commandAsk: 'Your question',
  commandAskText: 'e.g. "How do I change my password?"',
  commandHelp: 'help',
  commandHelpText: 'shows this overview',
  commandLotse: 'Who is my lotse?',
  commandLotseText: 'names your contact and whether they are available',
  commandLanguage: 'language',
  commandLanguageText: 'switches between German and English',
  languageSwitched: 'All right, I will answer in English from now on.',
  errorTitle: 'Sorry, that did not work',
  errorText:
    'Something went wrong while handling your message. Please try again in a moment. If it happens again, please give the IT service desk this reference:',
  errorId: 'Reference',
  unavailableText: 'The service is not available right now. Please try again later.',
  tenantRefused:
    'This bot is only available to the staff of the city administration. Your organisation has not been enabled for it.',
  answerHelpful: 'Did this help?',
  voteUp: '👍 Yes',
  voteDown: '👎 No',
  voteThanksUp: 'Thank you! Glad it helped.',
  voteThanksDown:
    'Thanks for the feedback. We will improve the answer – or ask your lotse directly.',
  followUps: 'Related questions',
  faqProposalTitle: 'FAQ proposal',
  faqProposedBy: 'Proposed by',
  faqQuestion: 'Question',
  faqAnswer: 'Answer',
  faqQuestionMissing: 'Please enter a question.',
  faqAnswerMissing: 'Please enter an answer.',
  faqNearest: 'Similar entry:',
  faqAcceptEntry: 'Add as a new entry',
  faqAcceptPhrasing: 'Add as a phrasing',
  faqReject: 'Reject',
  faqAcceptedEntry: '✓ Added as new entry',
  faqAcceptedPhrasing: '✓ Added as a phrasing of entry',
  faqRejected: '✗ Rejected',
  faqAlreadyDecided: 'This proposal has already been decided.',
  faqNone: 'There are no open FAQ proposals.',
  faqNotAllowed: 'Only organisers and admins can see the FAQ proposals.',
  faqUnknown: 'This proposal does not exist (any more).',
  faqEmpty: 'Question and answer must not be empty.',
  commandPrivacy: 'privacy',
  commandPrivacyText: 'shows what is stored about you – with export and deletion',
  privacyTitle: 'Privacy',
  privacyOverview:
    'The bot only stores what it needs for its work. Stored about you (number of records):',
  privacyExport: 'Export my data',
  privacyErase: 'Delete my data',
  privacyExported: 'Your export is ready. The link works once and only for a short time.',
  privacyDownload: 'Download export (JSON)',
  privacyValidUntil: 'Valid until',
  privacyConfirm:
    'Really delete all your data? Open requests are anonymised, registrations removed. This cannot be undone.',
  privacyEraseConfirm: 'Yes, delete for good',
  privacyCancel: 'Cancel',
  privacyErased: 'Done. Deleted or anonymised:',
  commandRequests: 'my requests',
  commandRequestsText: 'your requests to lotsen – add information, withdraw, mark as solved',
  commandTickets: 'my tickets',
  commandTicketsText:
    'for lotsen: open, claimed and overdue requests; "abwesend bis 5.12." / "wieder da"',
  commandCourses: 'courses',
  commandCoursesText: 'lists upcoming courses – with registration and calendar file',
  unknownAction: 'I do not know this action (any more). Type "help" for an overview.',
  rateLimited:
    'You are writing faster than I can answer. Please wait a moment – I will be back for you within a minute.',
  feedbackRefused: 'Sorry, I could not match this feedback to an answer.',
  handoff: 'Pass on to my Digitallotse',
  suggestionsTitle: 'Did you mean …?',
  suggestionsText: 'I am not sure what you mean. Does one of these questions fit?',
  noAnswerTitle: 'Sorry, I do not know about that (yet)',
  noAnswerText:
    'I cannot answer your question with confidence. Your Digitallotse, the digital guide of your unit, is happy to help.',
  lotseTitle: 'Your contact',
  lotseAvailable: 'available',
  lotseAbsent: 'absent',
  lotseAbsentUntil: 'absent until',
  lotseChat: 'Open chat',
  lotseOthers: 'Other lotsen of your unit',
  lotseCentral: 'Central Digitallotsen team',
  lotseNone: 'No Digitallotse is registered for your unit yet. The central team is happy to help.',
  lotseViaManager: 'Your unit has no lotse of its own; your contact is:',
  lotseNotRoutable:
    'This is only available to active staff of the city administration – guest accounts cannot reach a lotse.',
  lotseIsYou: 'You are a Digitallotse yourself. Your contact for your own questions:',
  ...announcementStrings.en,
  ...helpStrings.en,
  ...courseFormStrings.en,
  ...lotseStandInStrings.en,
  ...courseStrings.en,
  ...ticketStrings.en,
};

export const strings: Record<Language, Strings> = { de, en };

/** German unless the locale (e.g. `en-US`) says English. */
export function languageOf(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'de';
}
