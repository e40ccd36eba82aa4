import { buildKnowledgeIndex } from '../../../services/knowledge';
import { salienceOf } from '../../../services/knowledge/analysis/salience';
import { foldCase, foldTranscriptions } from '../../../services/knowledge/analysis/text';
import { fixtureEntries } from './fixture-kb';

const salience = (word: string): number => salienceOf(foldTranscriptions(foldCase(word)));

describe('salience of a word in general German', () => {
  it.each(['morgen', 'Leute', 'kommen', 'wirklich'])('reads "%s" as an everyday word', (word) => {
    expect(salience(word)).toBe(0);
  });

  it.each(['Aktenvernichter', 'Wasserschaden', 'Steuerbescheid'])(
    'reads "%s" as a topic word',
    (word) => {
      expect(salience(word)).toBe(1);
    },
  );

  it('ranks a less frequent noun between the two', () => {
    expect(salience('Zeitung')).toBeGreaterThan(0);
    expect(salience('Zeitung')).toBeLessThan(1);
  });

  it('gives an inflected form the salience of its most frequent form', () => {
    expect(salience('Zeitungen')).toBe(salience('Zeitung'));
  });

  it.each([
    ['eigntlich', 'eigentlich'],
    ['wirklcih', 'wirklich'],
  ])('reads the misspelt "%s" like "%s"', (typo, word) => {
    expect(salience(typo)).toBe(salience(word));
  });
});

describe('salience evidence of a hit', () => {
  const index = buildKnowledgeIndex(fixtureEntries());
  const evidence = (question: string) => index.search(question).hits[0]?.evidence;

  it('misses nothing when only everyday words are left over', () => {
    expect(evidence('Wann kommt morgen die Abwesenheitsnotiz?')).toMatchObject({
      salientMiss: 0,
      salientCoverage: 1,
    });
  });

  it('reports a rare word the phrasings leave over', () => {
    const hit = evidence('Abwesenheitsnotiz für den Aktenvernichter');
    expect(hit?.salientMiss).toBe(1);
    expect(hit?.salientCoverage).toBeCloseTo(0.5);
  });

  it('is less sure of a question whose rare word the entry leaves over', () => {
    const sure = index.search('Wie richte ich eine Abwesenheitsnotiz ein?').hits[0]?.confidence;
    const unsure = index.search(
      'Wie richte ich einen Aktenvernichter für die Abwesenheitsnotiz ein?',
    ).hits[0]?.confidence;
    expect(sure).toBeGreaterThan(unsure ?? 1);
  });
});
