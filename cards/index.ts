export { ADAPTIVE_CARD_CONTENT_TYPE, type CardAttachment } from './render';
export { strings, languageOf, type Language, type Strings } from './strings';
export { escapeMarkdown } from './markdown';
export { welcomeCard, type WelcomeCardData } from './welcome';
export { helpCard } from './help';
export { courseFormCard, type CourseFormData } from './course-form';
export { errorCard, type ErrorKind } from './error';
export { answerCard, type AnswerCardData, type Vote } from './answer';
export { suggestionsCard, type SuggestionsCardData } from './suggestions';
export { noAnswerCard } from './no-answer';
export { lotseCard, type LotseCardData, type LotsePerson, type LotseSituation } from './lotse';
export { faqProposalCard, type FaqProposalCardData } from './faq-proposal';
export { ticketCard, type StatusColor, type TicketCardData } from './ticket';
export {
  ticketAnswerCard,
  ticketStatusCard,
  type TicketAnswerCardData,
  type TicketStatusCardData,
} from './ticket-status';
export { ticketListCard, type TicketListCardData, type TicketListItem } from './ticket-list';
export {
  fill,
  formatDay,
  formatInstant,
  myRequestsCard,
  myTicketsCard,
  ticketViews,
} from './ticket-views';
export { privacyCard, type PrivacyCardData, type PrivacyCardState } from './privacy';
export { announcementCard, type AnnouncementCardData } from './announcement';
export {
  courseCard,
  courseDownloadCard,
  courseListCard,
  type CourseCardData,
  type CourseListItem,
} from './course';
export { coursePresenter, type CoursePresenter } from './course-views';
export {
  broadcastReportCard,
  type BroadcastReportRole,
  type BroadcastReportView,
} from './broadcast-report';
export {
  EMPTY_ANNOUNCEMENT_FORM,
  announcementComposeCard,
  type AnnouncementComposeData,
  type AnnouncementForm,
} from './announcement-compose';
export { splitUnits, unitValue } from './unit-field';
