import { addWorkingDays, addWorkingHours, type JobPayload } from '../scheduler';
import type { TicketContext } from './context';
import type { DecisionContext } from './rules';
import type { Ticket } from './ticket';

/** The scheduler job that wakes a ticket at its deadline (escalation or reminder). */
export const TICKET_DEADLINE_JOB = 'ticket.deadline';

export interface DeadlinePayload extends JobPayload {
  ticketId: string;
  seq: number;
}

export function decisionContext(context: TicketContext): DecisionContext {
  const { escalationWorkingHours, reminderWorkingDays, calendar } = context.settings;
  return {
    now: context.clock.now(),
    claimDeadline: (from) => addWorkingHours(from, escalationWorkingHours, calendar),
    answerDeadline: (from) => addWorkingDays(from, reminderWorkingDays, calendar),
  };
}

/**
 * Makes sure the ticket's current deadline has its job. The job id names the deadline, so
 * calling this again (after a crash, at start-up, from a second instance) adds nothing.
 */
export async function scheduleDeadline(context: TicketContext, ticket: Ticket): Promise<void> {
  const deadline = ticket.deadline;
  if (!deadline || !ticket.active) return;
  await context.scheduler.schedule<DeadlinePayload>({
    id: `ticket-deadline:${ticket.id}:${deadline.seq}`,
    kind: TICKET_DEADLINE_JOB,
    dueAt: new Date(deadline.dueAt),
    payload: { ticketId: ticket.id, seq: deadline.seq },
  });
}
