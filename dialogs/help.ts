import { helpCard } from '../cards';
import { sendCard, type Turn } from './turn';

export async function showHelp(turn: Turn): Promise<void> {
  await sendCard(turn, helpCard(turn.language));
}
