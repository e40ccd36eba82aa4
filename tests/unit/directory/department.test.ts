import { departmentKey, isWithinUnit, unitAncestry } from '../../../services/directory';

const UNIT = 'Fachbereich 5 Schule, Kultur und Sport / Abteilung 5.3 Sport und Bäder';

describe('departmentKey', () => {
  it.each([
    ['upper case', UNIT.toUpperCase()],
    ['lower case', UNIT.toLowerCase()],
    ['leading and trailing spaces', `  ${UNIT}   `],
    ['extra inner spaces', UNIT.replace(/ /g, '   ')],
    ['decomposed umlauts (NFD)', UNIT.normalize('NFD')],
    ['a tab and a no-break space', UNIT.replace(' / ', '\t/\u00a0')],
    ['a line break', UNIT.replace(' / ', '\n/ ')],
  ])('treats a department written with %s as the same unit', (_case, variant) => {
    expect(departmentKey(variant)).toBe(departmentKey(UNIT));
  });

  it.each([
    ['an abbreviation', 'FB 5 Schule, Kultur und Sport / Abt. 5.3 Sport und Bäder'],
    ['a missing Fachbereich', 'Abteilung 5.3 Sport und Bäder'],
    ['ae instead of ä', UNIT.replace('ä', 'ae')],
    ['a space removed', UNIT.replace('Sport und', 'Sportund')],
  ])('keeps a department with %s apart', (_case, variant) => {
    expect(departmentKey(variant)).not.toBe(departmentKey(UNIT));
  });

  it('does not fold ß into ss', () => {
    expect(departmentKey('Straßenbau')).not.toBe(departmentKey('Strassenbau'));
    expect(departmentKey('STRASSENBAU')).toBe(departmentKey('Strassenbau'));
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['empty', ''],
    ['whitespace only', ' \t\u00a0 '],
  ])('reads a %s department as no department', (_case, value) => {
    expect(departmentKey(value)).toBeNull();
  });
});

describe('units and the units below them', () => {
  const FACHBEREICH = 'Fachbereich 5 Schule, Kultur und Sport';

  it.each([
    ['the unit itself', UNIT, UNIT],
    ['the Fachbereich above it', UNIT, FACHBEREICH.toUpperCase()],
    ['a slash without spaces', 'Fachbereich 5 Schule, Kultur und Sport/Abteilung 5.3', FACHBEREICH],
  ])('counts %s', (_case, department, unit) => {
    expect(isWithinUnit(department, unit)).toBe(true);
  });

  it.each([
    ['a unit below the department', FACHBEREICH, UNIT],
    ['the Abteilung alone', UNIT, 'Abteilung 5.3 Sport und Bäder'],
    ['a name that only starts alike', 'Fachbereich 50 Kultur', 'Fachbereich 5'],
    ['no department', null, FACHBEREICH],
  ])('does not count %s', (_case, department, unit) => {
    expect(isWithinUnit(department, unit)).toBe(false);
  });

  it('lists a department and the units above it, outermost first', () => {
    expect(unitAncestry(`  ${UNIT.replace(' / ', '\t/ ')} `)).toEqual([FACHBEREICH, UNIT]);
    expect(unitAncestry('Kämmerei')).toEqual(['Kämmerei']);
  });
});
