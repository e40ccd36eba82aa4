import { helpCard } from '../cards';
import { hasRole } from '../services/directory';
import type { DialogServices } from './services';
import { sendCard, type Turn } from './turn';

/** The commands, with the lotsen's and organisers' own ones for those who have the role. */
export async function showHelp(turn: Turn, services: DialogServices): Promise<void> {
  const id = turn.identity.aadObjectId;
  // Without the directory (Graph down) everyone still gets the general commands.
  const role = (name: 'lotsen' | 'organisers') =>
    id ? hasRole(services.directory, name, id).catch(() => false) : Promise.resolve(false);
  const [lotse, organiser] = await Promise.all([role('lotsen'), role('organisers')]);
  await sendCard(turn, helpCard(turn.language, { lotse, organiser }));
}
