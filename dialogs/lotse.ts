import { lotseCard, type LotseCardData, type LotsePerson, type LotseSituation } from '../cards';
import {
  findMyLotse,
  type LotseContact,
  type LotseLookup,
  type RoutingRule,
} from '../services/directory';
import type { DialogServices } from './services';
import { sendCard, type Turn } from './turn';

/** "Wer ist mein Digitallotse?" */
export async function showMyLotse(turn: Turn, services: DialogServices): Promise<void> {
  const lookup = await lookUpLotse(turn, services);
  await sendCard(turn, lotseCard(turn.language, lotseCardData(lookup)));
}

export function lookUpLotse(turn: Turn, services: DialogServices): Promise<LotseLookup> {
  const askerKey = turn.identity.aadObjectId ?? turn.identity.teamsUserId;
  return findMyLotse(services.directory, askerKey, { now: services.clock.now() });
}

const situationOfRule: Record<RoutingRule, LotseSituation> = {
  unit: 'own-unit',
  'self-unit': 'self',
  'manager-chain': 'via-manager',
  central: 'central',
  'not-routable': 'not-routable',
};

export function lotseCardData(lookup: LotseLookup): LotseCardData {
  const situation: LotseSituation =
    lookup.status === 'not-routable' ? 'not-routable' : situationOfRule[lookup.routing.rule];
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
