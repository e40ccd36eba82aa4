import { strings } from '../cards';
import type { DialogServices } from './services';
import type { Turn } from './turn';

/**
 * The problem with an audience of units the directory does not know (they would reach
 * nobody), for a form to show; none when it knows them all or cannot be read now.
 */
export async function unknownUnitsProblems(
  turn: Turn,
  services: DialogServices,
  departments: readonly string[],
): Promise<string[]> {
  const unknown = await services.units.unknown(departments);
  if (unknown.length === 0) return [];
  return [strings[turn.language].composeUnitsUnknown.replace('{units}', unknown.join(', '))];
}
