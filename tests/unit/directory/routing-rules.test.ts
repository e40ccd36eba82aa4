import { gatherRoutingInput } from '../../../services/directory';
import { AWAY, directoryOf, routeByKey, type Person } from './org-builder';

/** One organisation with every case R1–R5 distinguish; keys name the people. */
const chain = (prefix: string, length: number, last: Person): Record<string, Person> =>
  Object.fromEntries(
    Array.from({ length }, (_, i) => [
      `${prefix}${i + 1}`,
      i + 1 === length
        ? last
        : { department: `${prefix} Stufe ${i + 1}`, manager: `${prefix}${i + 2}` },
    ]),
  );

const people: Record<string, Person> = {
  chief: { department: 'Leitung' },
  // Amt A: two enabled lotsen and a disabled one; staff spell the unit in many ways.
  headA: { department: 'Amt A', manager: 'chief' },
  la: { department: 'Amt A', lotse: true, manager: 'headA' },
  la2: { department: 'Amt A', lotse: true, manager: 'headA' },
  laOff: { department: 'Amt A', lotse: true, disabled: true },
  a1: { department: 'Amt A', manager: 'headA' },
  aUpper: { department: 'AMT A' },
  aSpaces: { department: '  Amt   A ' },
  aTabNbsp: { department: 'Amt\t\u00a0A' },
  // Bürgerbüro: the lotse's department is written decomposed (NFD).
  lb: { department: 'Bu\u0308rgerbu\u0308ro', lotse: true },
  b1: { department: 'Bürgerbüro' },
  bNear: { department: 'Buergerbuero', manager: 'headA' },
  // Amt S: one lotse, who asking has nobody in the unit.
  headS: { department: 'Dezernat', manager: 'chief' },
  ls: { department: 'Amt S', lotse: true, manager: 'headS' },
  s1: { department: 'Amt S', manager: 'headS' },
  // Amt Z: its only lotse is disabled.
  lzOff: { department: 'Amt Z', lotse: true, disabled: true, manager: 'chief' },
  z1: { department: 'Amt Z', manager: 'chief' },
  // Amt D: a disabled manager is walked past to Amt A.
  dBossOff: { department: 'Amt D', manager: 'headA', disabled: true },
  d1: { department: 'Amt D', manager: 'dBossOff' },
  noDept: { department: null, manager: 'headA' },
  blankDept: { department: ' \t\u00a0', manager: 'headA' },
  loner: {},
  lost: { department: 'Amt Q', manager: 'ghost' },
  // A manager cycle: Stab 1 -> Stab 2 -> Stab 1.
  cyc1: { department: 'Stab', manager: 'cyc2' },
  cyc2: { department: 'Stab', manager: 'cyc1' },
  cyc3: { department: 'Stab', manager: 'cyc1' },
  guest: { department: 'Amt A', guest: true, manager: 'headA' },
  off: { department: 'Amt A', disabled: true, manager: 'headA' },
  // The central team: two in one unit, one alone, one disabled.
  c1: { department: 'Zentrale', central: true },
  c2: { department: 'Zentrale', central: true },
  cSolo: { department: 'Zentrale Solo', central: true },
  cOff: { department: 'Zentrale', central: true, disabled: true },
  // Long chains: a lotse 10 managers up is found, 11 up is not.
  lNear: { department: 'N Stufe 10', lotse: true },
  near: { department: 'Fern', manager: 'N1' },
  ...chain('N', 10, { department: 'N Stufe 10' }),
  lFar: { department: 'F Stufe 11', lotse: true },
  far: { department: 'Fern', manager: 'F1' },
  ...chain('F', 11, { department: 'F Stufe 11' }),
  // Amt B: its lotse is away; the manager's unit has lotsen.
  lbb: { department: 'Amt B', lotse: true, automaticReplies: AWAY },
  bb1: { department: 'Amt B', manager: 'headA' },
};
const directory = directoryOf(people);
const CENTRAL = ['c1', 'c2', 'cSolo'];

describe('routing rules R1–R5', () => {
  it.each([
    ['an employee of a unit with lotsen', 'a1', 'unit', ['la', 'la2']],
    ['an employee writing the unit in upper case', 'aUpper', 'unit', ['la', 'la2']],
    ['an employee with extra spaces in the unit', 'aSpaces', 'unit', ['la', 'la2']],
    ['an employee with tab and no-break space in the unit', 'aTabNbsp', 'unit', ['la', 'la2']],
    ['an employee whose lotse wrote the unit decomposed (NFD)', 'b1', 'unit', ['lb']],
    ['a near-miss spelling, via the manager', 'bNear', 'manager-chain', ['la', 'la2']],
    ['a lotse of a unit with another lotse', 'la', 'self-unit', ['la2']],
    ['the only lotse of a unit, via the central team', 'ls', 'central', CENTRAL],
    ['an employee of that unit', 's1', 'unit', ['ls']],
    [
      'a unit whose lotsen are all disabled, via the chain to the central team',
      'z1',
      'central',
      CENTRAL,
    ],
    ['a disabled manager, walked past', 'd1', 'manager-chain', ['la', 'la2']],
    ['no department, via the manager', 'noDept', 'manager-chain', ['la', 'la2']],
    ['a whitespace-only department, via the manager', 'blankDept', 'manager-chain', ['la', 'la2']],
    ['neither department nor manager', 'loner', 'central', CENTRAL],
    ['a manager id that is not in the directory', 'lost', 'central', CENTRAL],
    ['a manager cycle', 'cyc3', 'central', CENTRAL],
    ['someone inside a manager cycle', 'cyc1', 'central', CENTRAL],
    ['a guest', 'guest', 'not-routable', []],
    ['a disabled user', 'off', 'not-routable', []],
    ['a central lotse with a colleague in the unit', 'c1', 'self-unit', ['c2']],
    ['a central lotse alone in the unit, to the others', 'cSolo', 'central', ['c1', 'c2']],
    ['a lotse ten managers up', 'near', 'manager-chain', ['lNear']],
    ['a lotse eleven managers up (too far)', 'far', 'central', CENTRAL],
    ['a unit whose only lotse is away (candidates ignore absence)', 'bb1', 'unit', ['lbb']],
  ])('routes %s', async (_case, asker, rule, candidates) => {
    const result = await routeByKey(directory, asker);
    expect({ rule: result.rule, candidates: result.candidates }).toEqual({ rule, candidates });
  });

  it('serves a user missing from the directory by the central team', async () => {
    const result = await routeByKey(directory, 'nobody');
    expect(result).toMatchObject({ rule: 'central', candidates: CENTRAL });
  });

  it('finds the asker by object id as well as by UPN, in any case', async () => {
    for (const key of ['id-a1', 'ID-A1', 'A1@Stadt.Example']) {
      expect((await gatherRoutingInput(directory, key)).asker?.id).toBe('id-a1');
    }
  });

  it('ignores groups that are only named like the lotsen group', async () => {
    // Everyone is in "Digitallotsen – Schulung"; s1 still gets only the real lotse.
    expect((await routeByKey(directory, 's1')).candidates).toEqual(['ls']);
  });
});

describe('picking one candidate', () => {
  it('picks a present candidate of the rule', async () => {
    expect(await routeByKey(directory, 'b1')).toMatchObject({ pick: 'lb', pickRule: 'unit' });
  });

  it('passes over a lotse with automatic replies on to the next rule', async () => {
    const result = await routeByKey(directory, 'bb1');
    expect(result.pickRule).toBe('manager-chain');
    expect(['la', 'la2']).toContain(result.pick);
  });

  it('passes over lotsen marked absent in the bot', async () => {
    expect(await routeByKey(directory, 'a1', { markedAbsent: ['la'] })).toMatchObject({
      pick: 'la2',
      pickRule: 'unit',
    });
  });

  it('goes to the central team when the unit and the manager chain are all away', async () => {
    const result = await routeByKey(directory, 'bb1', { markedAbsent: ['la', 'la2'] });
    expect(result.rule).toBe('unit');
    expect(result.pickRule).toBe('central');
    expect(CENTRAL).toContain(result.pick);
  });

  it('picks nobody when every lotse in reach is away', async () => {
    const result = await routeByKey(directory, 'a1', {
      markedAbsent: ['la', 'la2', 'c1', 'c2', 'cSolo'],
    });
    expect(result).toMatchObject({
      rule: 'unit',
      candidates: ['la', 'la2'],
      pick: null,
      pickRule: null,
    });
  });

  it('picks nobody for someone who cannot be routed', async () => {
    expect(await routeByKey(directory, 'guest')).toMatchObject({ pick: null, pickRule: null });
  });

  it('prefers the lotse with fewer open tickets', async () => {
    const load = {
      openTickets: new Map([
        ['id-la', 1],
        ['id-la2', 0],
      ]),
      lastAssignedAt: new Map([['id-la', new Date('2026-01-01T00:00:00Z')]]),
    };
    expect((await routeByKey(directory, 'a1', { load })).pick).toBe('la2');
  });

  it('prefers the lotse who received a ticket least recently when open tickets are equal', async () => {
    const load = {
      openTickets: new Map([
        ['id-la', 2],
        ['id-la2', 2],
      ]),
      lastAssignedAt: new Map([
        ['id-la', new Date('2026-11-20T09:00:00Z')],
        ['id-la2', new Date('2026-11-24T09:00:00Z')],
      ]),
    };
    expect((await routeByKey(directory, 'a1', { load })).pick).toBe('la');
  });

  it('prefers a lotse who never received a ticket over one who did', async () => {
    const load = {
      openTickets: new Map<string, number>(),
      lastAssignedAt: new Map([['id-la', new Date('2026-11-20T09:00:00Z')]]),
    };
    expect((await routeByKey(directory, 'a1', { load })).pick).toBe('la2');
  });

  it('honours a scheduled absence only inside its window', async () => {
    const window = {
      status: 'scheduled' as const,
      scheduledStartDateTime: { dateTime: '2026-11-23T07:00:00.0000000', timeZone: 'UTC' },
      scheduledEndDateTime: { dateTime: '2026-11-27T16:00:00.0000000', timeZone: 'UTC' },
    };
    const org = directoryOf({
      boss: { department: 'Amt' },
      l1: { department: 'Amt', lotse: true, automaticReplies: window },
      e1: { department: 'Amt', manager: 'boss' },
      c: { department: 'Zentrale', central: true },
    });
    const during = await routeByKey(org, 'e1', { now: new Date('2026-11-24T12:00:00Z') });
    const after = await routeByKey(org, 'e1', { now: new Date('2026-11-28T12:00:00Z') });
    expect(during).toMatchObject({ candidates: ['l1'], pick: 'c', pickRule: 'central' });
    expect(after).toMatchObject({ candidates: ['l1'], pick: 'l1', pickRule: 'unit' });
  });
});
