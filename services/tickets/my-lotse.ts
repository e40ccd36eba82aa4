import { describeLotsen, type LotseContact, type LotseLookup } from '../directory';
import { idOf, type TicketContext } from './context';
import type { Offering } from './offering';

/**
 * "Wer ist mein Digitallotse?" as the ticket routing sees it now: the same absences and load,
 * so the lotse named is the one a question would go to. A lotse's own absence shows its
 * last day ("abwesend bis 24.12." as they wrote it).
 */
export async function lookUpMyLotse(
  context: TicketContext,
  offering: Offering,
  askerKey: string,
): Promise<LotseLookup> {
  const { input, load } = await offering.routingInput(askerKey);
  const lookup = describeLotsen(input, context.clock.now(), load);
  const withEnd = async (contact: LotseContact): Promise<LotseContact> => {
    if (!contact.absent || contact.absentUntil || !input.markedAbsent.has(contact.id)) {
      return contact;
    }
    const absence = await context.absences.of(idOf(contact.id));
    if (!absence?.until) return contact;
    // `until` is the instant they are back; one millisecond earlier is their last day away.
    return { ...contact, absentUntil: new Date(Date.parse(absence.until) - 1) };
  };
  return {
    ...lookup,
    lotse: lookup.lotse && (await withEnd(lookup.lotse)),
    otherLotsen: await Promise.all(lookup.otherLotsen.map(withEnd)),
    centralTeam: await Promise.all(lookup.centralTeam.map(withEnd)),
  };
}
