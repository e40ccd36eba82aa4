import ICAL from 'ical.js';
import {
  courseCalendar,
  withCancellation,
  withRegistration,
  type Course,
} from '../../../services/courses';
import { courseWith } from './course-builder';

const now = new Date('2027-02-01T10:00:00Z');
const organiser = { name: 'Isaiah Langer', email: 'isaiah.langer@stadt.example' };
const attendee = { name: 'Alex Wilber', email: 'alex.wilber@stadt.example' };

// Across the spring change: two sessions in winter time, one in summer time.
const training = courseWith({
  id: 'DL-2027-01',
  title: 'Digitallotsen-Schulung; Frühjahr',
  description: 'Drei Tage, mit Übungen',
  capacity: 5,
  sessions: [
    {
      id: 's1',
      start: '2027-03-25T08:00:00.000Z',
      end: '2027-03-25T15:00:00.000Z',
      place: 'Rathaus, Saal 1',
    },
    {
      id: 's2',
      start: '2027-03-26T08:00:00.000Z',
      end: '2027-03-26T15:00:00.000Z',
      place: 'Rathaus, Saal 1',
    },
    {
      id: 's3',
      start: '2027-03-30T07:00:00.000Z',
      end: '2027-03-30T13:00:00.000Z',
      onlineLink: 'https://teams.example/join/dl',
    },
  ],
});

function registered(course: Course): Course {
  return withRegistration(course, 'alex', now, 'token-alex').next!;
}

function parsed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  return { calendar, events };
}

function fileFor(course: Course): string {
  return courseCalendar({
    course,
    seat: course.seats.find((s) => s.userId === 'alex')!,
    now,
    organiser,
    attendee,
    uidDomain: 'digitallotse.stadt.example',
  });
}

describe('the calendar file of a registration', () => {
  it('holds every session at the right instant, in Berlin time with its time zone', () => {
    const text = fileFor(registered(training));
    const { calendar, events } = parsed(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
      'Europe/Berlin',
    );
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2027-03-25T08:00:00.000Z',
      '2027-03-26T08:00:00.000Z',
      '2027-03-30T07:00:00.000Z',
    ]);
    expect(events.map((e) => e.endDate.toJSDate().toISOString())).toEqual([
      '2027-03-25T15:00:00.000Z',
      '2027-03-26T15:00:00.000Z',
      '2027-03-30T13:00:00.000Z',
    ]);
    // The wall clock shows 09:00 on both sides of the change.
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20270325T090000');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20270330T090000');
    expect(events[0]?.summary).toBe('Digitallotsen-Schulung; Frühjahr');
    expect(events[0]?.location).toBe('Rathaus, Saal 1');
    expect(events[2]?.location).toBe('https://teams.example/join/dl');
    expect(events[2]?.description).toContain('https://teams.example/join/dl');
    expect(events[0]?.organizer).toBe('mailto:isaiah.langer@stadt.example');
    expect(events[0]?.attendees[0]?.getParameter('partstat')).toBe('ACCEPTED');
  });

  it('writes a valid RFC 5545 stream: CRLF, DTSTAMP in UTC, lines of at most 75 octets', () => {
    const text = fileFor(registered({ ...training, description: 'Lang '.repeat(60) }));
    const lines = text.split('\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(lines.every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    expect(lines.filter((line) => line.startsWith('DTSTAMP:'))).toEqual([
      'DTSTAMP:20270201T100000Z',
      'DTSTAMP:20270201T100000Z',
      'DTSTAMP:20270201T100000Z',
    ]);
  });

  it('keeps the event ids and raises SEQUENCE when the course changes', () => {
    const first = parsed(fileFor(registered(training))).events;
    const moved = registered({ ...training, version: 2 });
    const second = parsed(fileFor(moved)).events;
    expect(second.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
    expect(first[0]?.uid).toBe('DL-2027-01-s1@digitallotse.stadt.example');
    expect(second.map((e) => e.sequence)).toEqual(first.map((e) => e.sequence + 1));
  });

  it('cancels the entries with a higher SEQUENCE when the person cancels', () => {
    const course = registered(training);
    const before = parsed(fileFor(course)).events[0]!.sequence;
    const cancelled = withCancellation(course, 'alex', now).next!;
    const { calendar, events } = parsed(fileFor(cancelled));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(events.map((e) => e.component.getFirstPropertyValue('status'))).toEqual([
      'CANCELLED',
      'CANCELLED',
      'CANCELLED',
    ]);
    expect(events[0]!.sequence).toBeGreaterThan(before);
  });

  it('cancels the entries when the course is cancelled', () => {
    const course = registered(training);
    const { calendar, events } = parsed(
      fileFor({ ...course, status: 'cancelled', version: course.version + 1 }),
    );
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(events[0]!.sequence).toBeGreaterThan(parsed(fileFor(course)).events[0]!.sequence);
  });
});
