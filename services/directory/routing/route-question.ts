import type { AutomaticRepliesSetting, DirectoryUser } from '../types';
import { absenceFromAutomaticReplies, type Absence } from './absence';
import { lotsenIndexOf } from './lotsen-index';
import { NO_LOAD, pickLeastLoaded, type LotseLoad } from './pick';
import { applyRules, type RoutingRule, type RuleInput } from './rules';

/** Everything routing needs, gathered beforehand so that routing itself is pure. */
export interface RoutingInput extends RuleInput {
  /** All members of the lotsen group, disabled ones included. */
  lotsen: readonly DirectoryUser[];
  /** Outlook automatic replies of the lotsen the rules can reach; missing means present. */
  automaticReplies: ReadonlyMap<string, AutomaticRepliesSetting | null>;
  /** Lotsen who set themselves absent in the bot. */
  markedAbsent: ReadonlySet<string>;
}

export interface RoutingResult {
  /** The rule that produced `candidates`. */
  rule: RoutingRule;
  /** R1–R5's candidates, before absence and load are considered. */
  candidates: DirectoryUser[];
  /** Who gets the question now; null when not routable or nobody is present. */
  pick: DirectoryUser | null;
  /** The rule the pick came from: later than `rule` when every earlier candidate is away. */
  pickRule: RoutingRule | null;
}

/** Routes a question: R1–R5, then the pick among those present, least loaded first. */
export function routeQuestion(
  input: RoutingInput,
  now: Date,
  load: LotseLoad = NO_LOAD,
): RoutingResult {
  const lotsen = lotsenIndexOf(input.lotsen);
  const contract = applyRules(input, lotsen, () => true);
  const present = (lotse: DirectoryUser): boolean => !absenceOf(input, lotse, now).absent;
  const available = contract.candidates.some(present)
    ? { rule: contract.rule, candidates: contract.candidates.filter(present) }
    : applyRules(input, lotsen, present);
  const pick = pickLeastLoaded(available.candidates, load);
  return { ...contract, pick, pickRule: pick ? available.rule : null };
}

/** Away when marked absent in the bot (end unknown) or by Outlook automatic replies. */
export function absenceOf(
  input: Pick<RoutingInput, 'automaticReplies' | 'markedAbsent'>,
  lotse: DirectoryUser,
  now: Date,
): Absence {
  return input.markedAbsent.has(lotse.id)
    ? { absent: true, until: null }
    : absenceFromAutomaticReplies(input.automaticReplies.get(lotse.id), now);
}
