import { normaliseCommand } from '../../bot/commands-text';

describe('normaliseCommand', () => {
  it.each([
    ['hilfe', 'hilfe'],
    ['  Hilfe!  ', 'hilfe'],
    ['<at>Digitallotse</at> HILFE', 'hilfe'],
    ['Wer ist mein Digitallotse?', 'wer ist mein digitallotse'],
    ['Wer  ist\u00a0mein\tLotse ??', 'wer ist mein lotse'],
    ['„Sprache“', 'sprache'],
    ['ÄNDERUNG', 'änderung'],
    ['', ''],
  ])('folds %j to %j', (input, expected) => {
    expect(normaliseCommand(input)).toBe(expected);
  });
});
