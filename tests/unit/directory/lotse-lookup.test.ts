import { createDirectory, findMyLotse, teamsChatUrl } from '../../../services/directory';

const directory = createDirectory({ kind: 'demo' });
const now = new Date('2026-11-24T12:00:00Z');
const ALEX = '00000000-0000-0000-0000-0000000000020';

describe('findMyLotse ("Wer ist mein Digitallotse?")', () => {
  it('names the present lotsin, the unit’s other lotse as away, and the central team', async () => {
    const lookup = await findMyLotse(directory, ALEX, { now });
    expect(lookup.status).toBe('found');
    expect(lookup.lotse).toMatchObject({
      displayName: 'Megan Bowen',
      userPrincipalName: 'megan.bowen@stadt-beispiel.de',
      department: 'Fachbereich 2 Bürgerservice und Ordnung / Abteilung 2.1 Bürgerbüro',
      chatUrl: 'https://teams.microsoft.com/l/chat/0/0?users=megan.bowen@stadt-beispiel.de',
      absent: false,
    });
    expect(lookup.otherLotsen).toEqual([
      expect.objectContaining({ displayName: 'Jörg Müller', absent: true, absentUntil: null }),
    ]);
    expect(lookup.centralTeam.map((c) => c.displayName).sort()).toEqual([
      'Adele Vance',
      'Katharina Wolf',
      'Lukas Schmitt',
      'Mehmet Yılmaz',
    ]);
    expect(lookup.directoryAvailable).toBe(true);
  });

  it('shows a lotse marked absent in the bot as away and picks the other one', async () => {
    const lookup = await findMyLotse(directory, ALEX, {
      now,
      markedAbsent: new Set(['00000000-0000-0000-0000-0000000000021']),
    });
    expect(lookup.routing.rule).toBe('unit');
    expect(lookup.routing.pickRule).toBe('manager-chain');
    expect(lookup.lotse?.displayName).toBe('Emine Aksoy');
    expect(lookup.otherLotsen.map((l) => [l.displayName, l.absent])).toEqual([
      ['Megan Bowen', true],
      ['Jörg Müller', true],
    ]);
  });

  it('tells a guest that they cannot be routed', async () => {
    const lookup = await findMyLotse(
      directory,
      'tobias.lange_beratung-nord.example#EXT#@beispielstadt.onmicrosoft.com',
      { now },
    );
    expect(lookup).toMatchObject({
      status: 'not-routable',
      lotse: null,
      otherLotsen: [],
      centralTeam: [],
    });
  });

  it('serves someone unknown to the directory by the central team', async () => {
    const lookup = await findMyLotse(directory, 'neu@stadt-beispiel.de', { now });
    expect(lookup.status).toBe('unknown-user');
    expect(lookup.routing.rule).toBe('central');
    expect(lookup.lotse?.department).toBe('Fachbereich Digitalisierung und IT');
    expect(lookup.centralTeam).toHaveLength(3);
  });

  it('leaves a central lotse asking out of their own central team', async () => {
    const lookup = await findMyLotse(directory, '00000000-0000-0000-0000-0000000000022', { now });
    expect(lookup.routing.rule).toBe('self-unit');
    const shown = [lookup.lotse, ...lookup.otherLotsen, ...lookup.centralTeam].map(
      (c) => c?.displayName,
    );
    expect(shown).not.toContain('Adele Vance');
    expect(shown.sort()).toEqual(['Katharina Wolf', 'Lukas Schmitt', 'Mehmet Yılmaz']);
  });
});

describe('teamsChatUrl', () => {
  it('escapes what a URL cannot carry but keeps the @ readable', () => {
    expect(teamsChatUrl('a.b_x.example#EXT#@t.onmicrosoft.com')).toBe(
      'https://teams.microsoft.com/l/chat/0/0?users=a.b_x.example%23EXT%23@t.onmicrosoft.com',
    );
  });
});
