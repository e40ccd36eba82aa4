import fc from 'fast-check';
import { splitUnits, unitValue } from '../../../cards';
import {
  checkEditedContent,
  checkNewAnnouncement,
  readAnnouncementForm,
} from '../../../dialogs/announcements/form';

// Wednesday 2 December 2026, 10:00 in Berlin (winter time).
const now = new Date('2026-12-02T09:00:00Z');
const valid = { title: 'Wartung', text: 'Outlook ist kurz weg.', audience: 'installed' };

function problemsOf(value: Record<string, unknown>): string[] {
  const check = checkNewAnnouncement(readAnnouncementForm(value), now, 'de');
  return check.ok ? [] : check.problems;
}

describe('the announcement form', () => {
  it('turns a complete form into content, audience and the time to send', () => {
    const check = checkNewAnnouncement(
      readAnnouncementForm({
        ...valid,
        imageUrl: 'https://intranet.stadt.example/a.png',
        linkTitle: 'Mehr',
        linkUrl: 'https://intranet.stadt.example/mehr',
        acknowledge: 'false',
        audience: 'units',
        units: 'Bürgerbüro, Kita-Verwaltung ,',
        sendDate: '2026-12-14',
        sendTime: '08:30',
      }),
      now,
      'de',
    );
    expect(check).toEqual({
      ok: true,
      content: {
        title: 'Wartung',
        text: 'Outlook ist kurz weg.',
        acknowledge: false,
        image: { url: 'https://intranet.stadt.example/a.png', altText: 'Wartung' },
        link: { title: 'Mehr', url: 'https://intranet.stadt.example/mehr' },
      },
      audience: { kind: 'units', departments: ['Bürgerbüro', 'Kita-Verwaltung'] },
      sendAt: new Date('2026-12-14T07:30:00Z'),
    });
  });

  it('sends at once without a date and asks for a read confirmation by default', () => {
    const check = checkNewAnnouncement(readAnnouncementForm(valid), now, 'de');
    expect(check).toMatchObject({ ok: true, content: { acknowledge: true } });
    expect(check.ok && check.sendAt).toBeUndefined();
  });

  it('reads a date without a time as 9:00 in Berlin, also in summer time', () => {
    const check = checkNewAnnouncement(
      readAnnouncementForm({ ...valid, sendDate: '2027-07-01' }),
      now,
      'de',
    );
    expect(check.ok && check.sendAt).toEqual(new Date('2027-07-01T07:00:00Z'));
  });

  it.each([
    [{ title: '' }, 'Bitte einen Titel angeben.'],
    [{ text: '  ' }, 'Bitte einen Text angeben.'],
    [{ imageUrl: 'http://intranet/a.png' }, 'Die Bildadresse muss mit https:// beginnen.'],
    [{ imageUrl: 'javascript:alert(1)' }, 'Die Bildadresse muss mit https:// beginnen.'],
    [{ linkTitle: 'Mehr' }, 'Für den Link-Button bitte Beschriftung und Adresse angeben.'],
    [
      { linkTitle: 'Mehr', linkUrl: 'ftp://x' },
      'Die Adresse des Links muss mit https:// beginnen.',
    ],
    [{ audience: 'units', units: ' , ' }, 'Bitte mindestens einen Bereich angeben.'],
    [{ audience: 'group' }, 'Bitte die ID der Gruppe angeben.'],
    [{ audience: 'course' }, 'Bitte einen kommenden Kurs wählen.'],
    [{ sendTime: '10:00' }, 'Datum oder Uhrzeit zum Senden gibt es so nicht.'],
    [{ sendDate: '2026-02-30' }, 'Datum oder Uhrzeit zum Senden gibt es so nicht.'],
    [
      { sendDate: '2027-03-28', sendTime: '02:30' },
      'Datum oder Uhrzeit zum Senden gibt es so nicht.',
    ],
    [
      { sendDate: '2026-12-02', sendTime: '09:59' },
      'Der Sendezeitpunkt liegt in der Vergangenheit.',
    ],
    [
      { sendDate: '2028-01-10' },
      'Der Sendezeitpunkt darf höchstens ein Jahr in der Zukunft liegen.',
    ],
  ])('refuses %j', (change, problem) => {
    expect(problemsOf({ ...valid, ...change })).toEqual([problem]);
  });

  it('names every problem at once, in English for English users', () => {
    const check = checkNewAnnouncement(
      readAnnouncementForm({ audience: 'group', linkUrl: 'https://x.example' }),
      now,
      'en',
    );
    expect(check.ok ? [] : check.problems).toEqual([
      'Please give a title.',
      'Please give a text.',
      'For a link button, please give both label and address.',
      'Please give the id of the group.',
    ]);
  });

  it('reads odd input as empty instead of trusting it', () => {
    const form = readAnnouncementForm({
      title: 42,
      text: { toString: 'x' },
      audience: '__proto__',
      acknowledge: 'maybe',
    });
    expect(form).toMatchObject({ title: '', text: '', audience: 'installed', acknowledge: true });
  });

  it('checks only the content of an edit', () => {
    const form = readAnnouncementForm({ ...valid, audience: 'group', sendDate: '2020-01-01' });
    expect(checkEditedContent(form, 'de')).toMatchObject({ ok: true });
    expect(checkEditedContent({ ...form, title: '' }, 'de')).toEqual({
      ok: false,
      problems: ['Bitte einen Titel angeben.'],
    });
  });
});

describe('the units field', () => {
  it('keeps picked unit names whole, commas inside them included', () => {
    const name = fc
      .string({ minLength: 1, maxLength: 30 })
      .map((text) => text.trim())
      .filter((text) => text !== '');
    fc.assert(
      fc.property(fc.array(name, { maxLength: 6 }), (names) => {
        // Teams joins the picks of a multi-select with commas.
        expect(splitUnits(names.map(unitValue).join(','))).toEqual(names);
      }),
    );
  });

  it('reads a picked name with a comma as one unit', () => {
    const picked = [unitValue('Amt für Umwelt, Klima und Energie'), unitValue('Bürgerbüro')];
    const check = checkNewAnnouncement(
      readAnnouncementForm({ ...valid, audience: 'units', units: picked.join(',') }),
      now,
      'de',
    );
    expect(check).toMatchObject({
      ok: true,
      audience: { kind: 'units', departments: ['Amt für Umwelt, Klima und Energie', 'Bürgerbüro'] },
    });
  });
});
