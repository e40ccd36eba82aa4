/**
 * "FAQ-Vorschläge": organisers and admins review the answers lotsen proposed from their
 * tickets and take them into the knowledge base. Roles come from the directory, decisions
 * from the stored proposal — never from the card.
 */
import { faqProposalCard, strings, type CardAttachment } from '../cards';
import { hasRole } from '../services/directory';
import type { FaqProposal, ReviewOutcome } from '../services/knowledge';
import type { DialogServices } from './services';
import { replaceSubmittedCard, sendCard, sendText, type Turn } from './turn';

const SHOWN_AT_ONCE = 5;

export async function showFaqProposals(turn: Turn, services: DialogServices): Promise<void> {
  if (!(await mayReview(turn, services)))
    return sendText(turn, strings[turn.language].faqNotAllowed);
  const pending = await services.faqReview.pending(SHOWN_AT_ONCE);
  if (pending.length === 0) return sendText(turn, strings[turn.language].faqNone);
  for (const proposal of pending)
    await sendCard(turn, await proposalCard(turn, services, proposal));
}

export async function decideFaqProposal(
  turn: Turn,
  services: DialogServices,
  value: Record<string, unknown>,
): Promise<void> {
  const t = strings[turn.language];
  if (!(await mayReview(turn, services))) return sendText(turn, t.faqNotAllowed);
  const proposalId = typeof value.proposalId === 'string' ? value.proposalId : '';
  const reviewer = turn.identity.aadObjectId ?? turn.identity.teamsUserId;
  const text = (key: string) =>
    typeof value[key] === 'string' ? (value[key] as string) : undefined;
  let outcome: ReviewOutcome;
  if (value.verb === 'faqAccept') {
    outcome = await services.faqReview.acceptAsEntry(proposalId, reviewer, {
      question: text('question'),
      answer: text('answer'),
    });
  } else if (value.verb === 'faqPhrasing') {
    outcome = await services.faqReview.acceptAsPhrasing(
      proposalId,
      reviewer,
      text('entryId') ?? '',
    );
  } else {
    outcome = await services.faqReview.reject(proposalId, reviewer);
  }
  if (!outcome.ok) {
    const message = {
      unknown: t.faqUnknown,
      'unknown-entry': t.faqUnknown,
      decided: t.faqAlreadyDecided,
      empty: t.faqEmpty,
    };
    return sendText(turn, message[outcome.reason]);
  }
  await replaceSubmittedCard(turn, await proposalCard(turn, services, outcome.proposal));
}

async function mayReview(turn: Turn, services: DialogServices): Promise<boolean> {
  const id = turn.identity.aadObjectId;
  if (!id) return false;
  try {
    return (
      (await hasRole(services.directory, 'organisers', id)) ||
      (await hasRole(services.directory, 'admins', id))
    );
  } catch {
    return false; // no directory, no review rights
  }
}

async function proposalCard(
  turn: Turn,
  services: DialogServices,
  proposal: FaqProposal,
): Promise<CardAttachment> {
  const t = strings[turn.language];
  const outcome =
    proposal.state === 'rejected'
      ? t.faqRejected
      : proposal.state === 'accepted'
        ? `${proposal.decision?.as === 'phrasing' ? t.faqAcceptedPhrasing : t.faqAcceptedEntry} ${proposal.decision?.entryId ?? ''}`.trim()
        : undefined;
  const nearest = outcome
    ? undefined
    : (await services.knowledge.ask(proposal.question)).results.hits[0];
  return faqProposalCard(turn.language, {
    proposalId: proposal.id,
    question: proposal.question,
    answer: proposal.answer,
    proposedBy: proposal.proposedBy.displayName,
    nearest: nearest && { id: nearest.entry.id, title: nearest.entry.questions[0] ?? '' },
    outcome,
  });
}
