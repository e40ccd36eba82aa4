import { ManualClock } from '../../../services/clock';
import {
  DirectoryUnavailableError,
  UnitCatalog,
  type DirectoryUser,
  type OrgDirectory,
} from '../../../services/directory';
import { directoryOf } from './org-builder';

const HOUR = 60 * 60 * 1000;

/** The organisation, with a count of full reads, a switch that makes it unreachable and a brake. */
function countedDirectory() {
  const directory = directoryOf({
    anna: { department: 'Fachbereich 2  Bürgerservice' },
    ben: { department: 'fachbereich 2 bürgerservice' },
    cem: { department: 'Fachbereich 2 Bürgerservice' },
    dora: { department: 'Amt für Umwelt, Klima und Energie' },
    hanna: { department: 'Fachbereich 2 Bürgerservice / Abteilung 2.1  Bürgerbüro' },
    emil: { department: 'Kämmerei', disabled: true },
    gast: { department: 'Gästehaus', guest: true },
    fiona: { department: null },
  });
  const state = { reads: 0, down: false, slowUntil: Promise.resolve() };
  const counted: OrgDirectory = Object.create(directory, {
    users: {
      value: async function* (): AsyncIterable<DirectoryUser> {
        state.reads += 1;
        await state.slowUntil;
        if (state.down) throw new DirectoryUnavailableError('Graph antwortet nicht');
        yield* directory.users();
      },
    },
  });
  return { directory: counted, state };
}

describe('the unit catalog', () => {
  it('lists the units of enabled members and the units above them once each, in the spelling most of them carry', async () => {
    const { directory } = countedDirectory();
    const catalog = new UnitCatalog(directory, new ManualClock('2026-12-04T08:00:00Z'));
    expect(await catalog.units()).toEqual([
      'Amt für Umwelt, Klima und Energie',
      'Fachbereich 2 Bürgerservice',
      'Fachbereich 2 Bürgerservice / Abteilung 2.1 Bürgerbüro',
    ]);
  });

  it('reads the directory again only when its list has grown old', async () => {
    const { directory, state } = countedDirectory();
    const clock = new ManualClock('2026-12-04T08:00:00Z');
    const catalog = new UnitCatalog(directory, clock, { maxAgeMs: 6 * HOUR });
    await Promise.all([catalog.units(), catalog.units()]);
    clock.advance(5 * HOUR);
    await catalog.units();
    expect(state.reads).toBe(1);
    clock.advance(2 * HOUR);
    state.down = true;
    // An old list serves while the new one is read, and stays when that read fails.
    expect(await catalog.units()).toHaveLength(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await catalog.units()).toHaveLength(3);
    expect(state.reads).toBe(3);
  });

  it('offers nothing while the directory is unreachable, and asks again next time', async () => {
    const { directory, state } = countedDirectory();
    const catalog = new UnitCatalog(directory, new ManualClock('2026-12-04T08:00:00Z'));
    state.down = true;
    expect(await catalog.units()).toEqual([]);
    expect(await catalog.unknown(['Irgendein Amt'])).toEqual([]);
    state.down = false;
    expect(await catalog.units()).toHaveLength(3);
  });

  it('does not keep a turn waiting for a slow first read, and has the list next time', async () => {
    const { directory, state } = countedDirectory();
    let finish = () => {};
    state.slowUntil = new Promise((resolve) => (finish = resolve));
    const clock = new ManualClock('2026-12-04T08:00:00Z');
    const catalog = new UnitCatalog(directory, clock, { waitMs: 10 });
    expect(await catalog.units()).toEqual([]);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await catalog.units()).toHaveLength(3);
    expect(state.reads).toBe(1);
  });

  it('names the units it does not know, comparing them as audiences do', async () => {
    const { directory } = countedDirectory();
    const catalog = new UnitCatalog(directory, new ManualClock('2026-12-04T08:00:00Z'));
    const names = [
      ' fachbereich 2   bürgerservice',
      'Fachbereich 2 Bürgerservice/Abteilung 2.1 Bürgerbüro',
      'Kämmerei',
      'Bauamt',
    ];
    expect(await catalog.unknown(names)).toEqual(['Kämmerei', 'Bauamt']);
  });
});
