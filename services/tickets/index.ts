/** The hand-off from the bot to a person: tickets, routing to a lotse, deadlines, FAQ proposals. */
export {
  ACTIVE_STATES,
  TICKETS_CONTAINER,
  WORKLOAD_STATES,
  isTicketId,
  type Addition,
  type Answer,
  type CardKind,
  type CardRef,
  type HistoryEntry,
  type Language,
  type Person,
  type Suggestion,
  type Ticket,
  type TicketAction,
  type TicketAsker,
  type TicketDeadline,
  type TicketRouting,
  type TicketStage,
  type TicketState,
} from './ticket';
export {
  TEXT_LIMITS,
  TICKET_VERBS,
  allowedVerbs,
  authorise,
  decide,
  isInvolved,
  type Actor,
  type Decision,
  type DecisionContext,
  type ForwardTarget,
  type RefusalReason,
  type TicketCommand,
  type TicketVerb,
} from './rules';
export {
  Tickets,
  type ActRefusal,
  type Acted,
  type TicketRequest,
  type TicketsOptions,
} from './tickets';
export { QUESTION_LIMIT, type NewTicket, type Opened } from './new-ticket';
export type { TicketSettings } from './context';
export type { Reach } from './messenger';
export type { CardRecipient, TicketNotice, TicketViews } from './views';
export { ABSENCES_CONTAINER, LotseAbsences, type LotseAbsence } from './absences';
export { TICKET_DEADLINE_JOB, type DeadlinePayload } from './deadlines';
export { lotseLoad } from './lotse-load';
export { parseAbsenceEnd, type AbsenceEnd } from './absence-date';
