import type { CardAttachment, Language } from '../../cards';

/**
 * One realistic rendering of a card. Sample files in `samples/` export these by name; the
 * gallery shows each in every language and theme, the gallery test checks each.
 */
export interface CardSample {
  readonly kind: 'card-sample';
  /** What a reviewer sees, e.g. "answer with three follow-up questions". */
  readonly description: string;
  render(language: Language): CardAttachment;
}

export function cardSample(
  description: string,
  render: (language: Language) => CardAttachment,
): CardSample {
  return { kind: 'card-sample', description, render };
}

export function isCardSample(value: unknown): value is CardSample {
  return (
    typeof value === 'object' && value !== null && (value as CardSample).kind === 'card-sample'
  );
}
