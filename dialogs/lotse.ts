import { lotseCard, type LotseCardData, type LotsePerson, type LotseSituation } from '../cards';
import type { LotseContact, LotseLookup, RoutingRule } from '../services/directory';
import type { DialogServices } from './services';
import { sendCard, type Turn } from './turn';

/** "Wer ist mein Digitallotse?" */
export async function showMyLotse(turn: Turn, services: DialogServices): Promise<void> {
  const lookup = await lookUpLotse(turn, services);
  await sendCard(turn, lotseCard(turn.language, lotseCardData(lookup)));
}

/** Who a question would go to now: the ticket routing's own answer, absences included. */
export function lookUpLotse(turn: Turn, services: DialogServices): Promise<LotseLookup> {
  const askerKey = turn.identity.aadObjectId ?? turn.identity.teamsUserId;
  return services.tickets.myLotse(askerKey);
}

const situationOfRule: Record<RoutingRule, LotseSituation> = {
  unit: 'own-unit',
  'self-unit': 'self',
  'manager-chain': 'via-manager',
  central: 'central',
  'not-routable': 'not-routable',
};

export function lotseCardData(lookup: LotseLookup): LotseCardData {
  const { rule, pick, pickRule } = lookup.routing;
  // Everyone the rule found is away: whoever routing picked from a later rule stands in.
  const standIn = pick !== null && pickRule !== rule && rule !== 'central';
  const situation: LotseSituation =
    lookup.status === 'not-routable'
      ? 'not-routable'
      : standIn
        ? 'stand-in'
        : situationOfRule[rule];
  return {
    situation,
    primary: lookup.lotse ? personOf(lookup.lotse) : undefined,
    others: lookup.otherLotsen.map(personOf),
    central: lookup.centralTeam.map(personOf),
  };
}

function personOf(contact: LotseContact): LotsePerson {
  return {
    name: contact.displayName,
    unit: contact.department ?? '',
    chatUrl: contact.chatUrl,
    absent: contact.absent,
    absentUntil: contact.absentUntil?.toISOString(),
  };
}
