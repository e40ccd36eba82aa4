import { readFileSync } from 'node:fs';
import {
  createDirectory,
  gatherRoutingInput,
  hasRole,
  membersOf,
  routeQuestion,
  type OrgDirectory,
} from '../../../services/directory';
import {
  DEMO_ORGANISATION_FILE,
  buildDemoOrganisation,
  formatOrganisation,
} from '../../../services/directory/demo/build-demo-organisation';

// The Microsoft 365 Agents Playground's default user and its colleagues.
const ALEX = '00000000-0000-0000-0000-0000000000020';
const MEGAN = '00000000-0000-0000-0000-0000000000021';
const ADELE = '00000000-0000-0000-0000-0000000000022';
const ISAIAH = '00000000-0000-0000-0000-0000000000023';
const PATTI = '00000000-0000-0000-0000-0000000000024';
const LYNNE = '00000000-0000-0000-0000-0000000000025';

const directory: OrgDirectory = createDirectory({ kind: 'demo' });
const route = async (key: string) =>
  routeQuestion(await gatherRoutingInput(directory, key), new Date('2026-11-24T12:00:00Z'));

describe('the demo organisation', () => {
  it('is the file its builder writes', () => {
    expect(readFileSync(DEMO_ORGANISATION_FILE, 'utf8')).toBe(
      formatOrganisation(buildDemoOrganisation()),
    );
  });

  it('routes the local chat client’s default user to the present lotsin of the Bürgerbüro', async () => {
    const result = await route(ALEX);
    expect(result.rule).toBe('unit');
    expect(result.candidates.map((c) => c.displayName).sort()).toEqual([
      'Jörg Müller',
      'Megan Bowen',
    ]);
    expect(result.pick?.id).toBe(MEGAN);
  });

  it('routes a Kita employee up the manager chain', async () => {
    const result = await route(LYNNE);
    expect(result.rule).toBe('manager-chain');
    expect(result.pick?.displayName).toBe('Anna-Lena Müller-Schmidt');
  });

  it('has every routing rule at least once', async () => {
    const rules = new Set<string>();
    for await (const user of directory.users()) rules.add((await route(user.id)).rule);
    expect([...rules].sort()).toEqual([
      'central',
      'manager-chain',
      'not-routable',
      'self-unit',
      'unit',
    ]);
  });

  it('has a central team of four in Fachbereich Digitalisierung und IT', async () => {
    const central = await membersOf(directory, 'central');
    expect(central).toHaveLength(4);
    expect(new Set(central.map((u) => u.department))).toEqual(
      new Set(['Fachbereich Digitalisierung und IT']),
    );
  });

  it('gives the Playground users their roles by group membership', async () => {
    expect(await hasRole(directory, 'lotsen', MEGAN)).toBe(true);
    expect(await hasRole(directory, 'central', ADELE)).toBe(true);
    expect(await hasRole(directory, 'organisers', ISAIAH)).toBe(true);
    expect(await hasRole(directory, 'admins', PATTI)).toBe(true);
    expect(await hasRole(directory, 'lotsen', ALEX)).toBe(false);
    expect(await hasRole(directory, 'organisers', ALEX)).toBe(false);
  });
});
