import { attendeeCsv, attendeesOf, withRegistration } from '../../../services/courses';
import { courseWith } from './course-builder';

const people: Record<string, { name: string; email: string; department: string }> = {
  anna: {
    name: 'Anna Schmidt',
    email: 'anna@stadt.example',
    department: 'Fachbereich 3; Finanzen',
  },
  ben: {
    name: '=HYPERLINK("http://x")',
    email: 'ben@stadt.example',
    department: 'Kita "Sonnenblume"',
  },
};

describe('the attendee list', () => {
  const at = (minute: number) => new Date(Date.UTC(2027, 1, 1, 9, minute));
  const course = ['anna', 'ben', 'cem'].reduce(
    (current, userId, index) => withRegistration(current, userId, at(index), `t-${userId}`).next!,
    courseWith({ capacity: 2 }),
  );

  it('lists the registered people, then the waitlist with its places', () => {
    const attendees = attendeesOf(course, (id) => people[id]);
    expect(attendees.map((a) => [a.status, a.position, a.name])).toEqual([
      ['angemeldet', undefined, 'Anna Schmidt'],
      ['angemeldet', undefined, '=HYPERLINK("http://x")'],
      ['Warteliste', 1, 'cem'],
    ]);
  });

  it('is a CSV for German Excel: BOM, semicolons, CRLF, quoted where needed, no formulas', () => {
    const text = attendeeCsv(attendeesOf(course, (id) => people[id]));
    expect(text.startsWith('\ufeffStatus;Wartelistenplatz;Name;E-Mail;Bereich;Seit\r\n')).toBe(
      true,
    );
    const lines = text.slice(1).split('\r\n');
    expect(lines[1]).toBe(
      'angemeldet;;Anna Schmidt;anna@stadt.example;"Fachbereich 3; Finanzen";01.02.2027 10:00',
    );
    expect(lines[2]).toBe(
      'angemeldet;;"\'=HYPERLINK(""http://x"")";ben@stadt.example;"Kita ""Sonnenblume""";01.02.2027 10:01',
    );
    expect(lines[3]).toBe('Warteliste;1;cem;;;01.02.2027 10:02');
    expect(lines[4]).toBe('');
  });
});
