import fc from 'fast-check';
import { departmentKey, gatherRoutingInput, routeQuestion } from '../../../services/directory';
import { AWAY, directoryOf, idOf, type Person } from './org-builder';

const DEPARTMENTS = [
  'Amt A',
  'amt  a',
  'AMT A ',
  'Bürgerbüro',
  'Bu\u0308rgerbu\u0308ro',
  'Amt B',
  '',
  ' ',
  null,
];

/** Random organisations: any manager links (cycles included), lotsen, guests, absences. */
const organisation = fc
  .integer({ min: 1, max: 25 })
  .chain((size) =>
    fc.array(
      fc.record({
        department: fc.constantFrom(...DEPARTMENTS),
        manager: fc.option(fc.integer({ min: 0, max: size }), { nil: undefined }),
        lotse: fc.boolean(),
        central: fc.boolean(),
        disabled: fc.boolean(),
        guest: fc.boolean(),
        away: fc.boolean(),
      }),
      { minLength: size, maxLength: size },
    ),
  )
  .map((rows) =>
    Object.fromEntries(
      rows.map((row, i): [string, Person] => [
        `p${i}`,
        {
          department: row.department,
          // Index `size` points past the end: a manager missing from the directory.
          manager: row.manager === undefined ? undefined : `p${row.manager}`,
          lotse: row.lotse,
          central: row.lotse && row.central,
          disabled: row.disabled,
          guest: row.guest,
          automaticReplies: row.away ? AWAY : undefined,
        },
      ]),
    ),
  );

describe('routing properties', () => {
  it('never names the asker, a disabled account or a non-lotse as a candidate or the pick', async () => {
    await fc.assert(
      fc.asyncProperty(organisation, async (people) => {
        const directory = directoryOf(people);
        for (const [key, person] of Object.entries(people)) {
          const input = await gatherRoutingInput(directory, idOf(key));
          const { candidates, pick } = routeQuestion(input, new Date('2026-11-24T12:00:00Z'));
          for (const lotse of [...candidates, ...(pick ? [pick] : [])]) {
            const entry = people[lotse.id.replace(/^id-/, '')];
            expect(lotse.id).not.toBe(idOf(key));
            expect(lotse.accountEnabled).toBe(true);
            expect(entry?.lotse).toBe(true);
          }
          if (person.disabled || person.guest) expect(candidates).toEqual([]);
        }
      }),
    );
  });

  it('picks only lotsen who are present, and from the candidates when one of them is', async () => {
    await fc.assert(
      fc.asyncProperty(organisation, async (people) => {
        const directory = directoryOf(people);
        for (const key of Object.keys(people)) {
          const input = await gatherRoutingInput(directory, idOf(key));
          const { candidates, pick } = routeQuestion(input, new Date('2026-11-24T12:00:00Z'));
          const away = (id: string) => !!people[id.replace(/^id-/, '')]?.automaticReplies;
          if (pick) expect(away(pick.id)).toBe(false);
          if (candidates.some((c) => !away(c.id))) expect(candidates).toContainEqual(pick);
        }
      }),
    );
  });

  it('gives unit candidates the asker’s own normalised department', async () => {
    await fc.assert(
      fc.asyncProperty(organisation, async (people) => {
        const directory = directoryOf(people);
        for (const key of Object.keys(people)) {
          const input = await gatherRoutingInput(directory, idOf(key));
          const { rule, candidates } = routeQuestion(input, new Date());
          if (rule !== 'unit' && rule !== 'self-unit') continue;
          const own = departmentKey(input.asker?.department);
          expect(own).not.toBeNull();
          for (const lotse of candidates) expect(departmentKey(lotse.department)).toBe(own);
        }
      }),
    );
  });
});
