/**
 * Who may use which card verb and command, part 1: tickets, answer feedback, courses, the
 * course form and the lotse commands — every row × 8 roles, over HTTP against the real bot
 * (see tests/support/role-matrix.ts).
 *
 * Tickets — claim, answer, forward, propose as FAQ and close by the candidate lotse only,
 * withdraw, add information, solved and reopen by the asker only; courses — employees (not
 * guests) see and register, organisers create, change, announce, cancel and download the
 * attendees; absences — lotsen. (tickets-authorisation.test.ts holds the finer ticket cases:
 * states, versions, forwards.)
 */
import {
  COURSE_CSV_HEADER,
  COURSE_DOWNLOADS_CONTAINER,
  COURSES_CONTAINER,
  announcementIdOf,
} from '../../services/courses';
import { BROADCASTS_CONTAINER } from '../../services/broadcast';
import { FEEDBACK_CONTAINER } from '../../services/questions';
import { FAQ_PROPOSALS_CONTAINER } from '../../services/knowledge';
import { queryAll } from '../../services/storage';
import { ABSENCES_CONTAINER, TICKETS_CONTAINER, type Ticket } from '../../services/tickets';
import { cardOf, submitData } from '../support/card-reading';
import { courseService } from '../support/course-service';
import {
  STAFF,
  hasCard,
  readable,
  commandRow,
  roleMatrix,
  type Attempt,
  type Role,
  type Row,
} from '../support/role-matrix';

roleMatrix('who may use ticket, course and lotse verbs', (m) => {
  /** Alex hands a question to his lotse; Megan is offered it. Optionally Megan answers. */
  async function ticket(options: { answered?: boolean } = {}): Promise<Ticket> {
    const question = `Wo finde ich Formular A${m.next()}?`;
    await m.say('asker', { text: `an meinen Lotsen: ${question}` });
    const find = async () => {
      for await (const found of queryAll<Ticket>(m.bot.store, TICKETS_CONTAINER)) {
        if (found.question === question) return found;
      }
      throw new Error(`no ticket for ${question}`);
    };
    const opened = await find();
    if (!options.answered) return opened;
    await m.say('candidate lotse', {
      value: { ...ticketSubmit('ticket.answer', opened), answerText: 'Im Intranet.' },
    });
    return find();
  }
  const ticketSubmit = (verb: string, t: Ticket) => ({ verb, ticketId: t.id, version: t.version });
  const ticketRow = (verb: string, allowed: Role[], extra: Record<string, unknown> = {}): Row => ({
    action: `ticket card: ${verb}`,
    allowed,
    arrange: async () => {
      const answered = ['ticket.proposeFaq', 'ticket.solved', 'ticket.reopen'].includes(verb);
      const acted = await ticket({ answered });
      return {
        value: { ...ticketSubmit(verb, acted), ...extra },
        watch: m.docs(
          [TICKETS_CONTAINER, acted.id],
          [FAQ_PROPOSALS_CONTAINER, `ticket-${acted.id}`],
        ),
      };
    },
  });

  /** In 2098: the bot runs on the system clock, and a course must not lie in the past. */
  async function course(): Promise<string> {
    const id = `MX-${m.next()}`;
    const row = `${id};Teams kompakt;Kurz.;2098-03-09T13:00;2098-03-09T15:00;Rathaus;praesenz;;20;2098-03-05T12:00;alle`;
    const imported = await courseService(m.bot.store).importCsv(
      `${COURSE_CSV_HEADER.join(';')}\n${row}`,
      { id: 'cli:test' },
    );
    if (!imported.ok) throw new Error(imported.problems.join('\n'));
    return id;
  }
  /** A course, its announcement and the attendee downloads. */
  const courseState = (courseId: string) => async () => [
    await m.docs(
      [COURSES_CONTAINER, courseId],
      [BROADCASTS_CONTAINER, announcementIdOf(courseId)],
    )(),
    await m.containers(COURSE_DOWNLOADS_CONTAINER)(),
  ];
  const courseRow = (verb: string, allowed: Role[], shown?: Attempt['shown']): Row => ({
    action: `course card: ${verb}`,
    allowed,
    arrange: async () => {
      const courseId = await course();
      return { value: { verb, courseId }, watch: courseState(courseId), shown };
    },
  });

  return [
    ticketRow('ticket.claim', ['candidate lotse']),
    ticketRow('ticket.answer', ['candidate lotse'], { answerText: 'Im Intranet unter Formulare.' }),
    ticketRow('ticket.forward', ['candidate lotse'], {
      forwardTo: 'central',
      forwardReason: 'Fachfrage',
    }),
    ticketRow('ticket.proposeFaq', ['candidate lotse']),
    ticketRow('ticket.close', ['candidate lotse'], { closeNote: 'Telefonisch geklärt' }),
    ticketRow('ticket.withdraw', ['asker']),
    ticketRow('ticket.addInfo', ['asker'], { infoText: 'Es betrifft Formular A7.' }),
    ticketRow('ticket.solved', ['asker']),
    ticketRow('ticket.reopen', ['asker'], { reopenComment: 'Der Link geht nicht.' }),
    {
      action: 'ticket card: ticket.show',
      allowed: ['asker', 'candidate lotse'],
      arrange: async () => {
        const shown = await ticket();
        return {
          value: { verb: 'ticket.show', ticketId: shown.id },
          watch: m.docs([TICKETS_CONTAINER, shown.id]),
          shown: (turn) => readable(turn).includes(shown.question),
        };
      },
    },
    {
      action: 'answer card: feedback',
      allowed: ['asker'],
      arrange: async () => {
        const asked = await m.say('asker', { text: 'Wie ändere ich mein Passwort?' });
        const vote = submitData(cardOf(asked.replies[0]), 'feedback');
        return { value: { ...vote, vote: 'down' }, watch: m.containers(FEEDBACK_CONTAINER) };
      },
    },
    courseRow('course.show', STAFF, hasCard('course.register')),
    courseRow('course.register', STAFF),
    {
      action: 'course card: course.cancel (own seat)',
      allowed: STAFF,
      perRole: true,
      arrange: async (role) => {
        const courseId = await course();
        await m.say(role, { value: { verb: 'course.register', courseId } });
        return { value: { verb: 'course.cancel', courseId }, watch: courseState(courseId) };
      },
    },
    courseRow('course.attendees', ['organiser'], hasCard('/courses/attendees/')),
    courseRow('course.announce', ['organiser']),
    courseRow('course.cancelCourse', ['organiser']),
    courseRow('course.edit', ['organiser'], hasCard('course.update')),
    {
      action: 'course form: course.update',
      allowed: ['organiser'],
      arrange: async () => {
        const courseId = await course();
        const form = await m.say('organiser', { value: { verb: 'course.edit', courseId } });
        const submit = submitData(cardOf(form.replies[0]), 'course.update');
        return {
          watch: courseState(courseId),
          value: {
            ...submit,
            title: 'Teams kompakt (neu)',
            date1: '2098-03-09',
            start1: '13:00',
            end1: '15:00',
            place1: 'Rathaus',
            mode: 'praesenz',
            capacity: '20',
            deadlineDate: '2098-03-05',
            deadlineTime: '12:00',
            audience: 'alle',
          },
        };
      },
    },
    {
      action: 'course form: course.create',
      allowed: ['organiser'],
      arrange: async () => ({
        watch: m.containers(COURSES_CONTAINER),
        value: {
          verb: 'course.create',
          title: `Neuer Kurs ${m.next()}`,
          date1: '2098-04-06',
          start1: '09:00',
          end1: '12:00',
          place1: 'Rathaus',
          mode: 'praesenz',
          capacity: '10',
          deadlineDate: '2098-04-01',
          deadlineTime: '12:00',
          audience: 'alle',
        },
      }),
    },
    commandRow('kurs anlegen', ['organiser'], hasCard('course.create')),
    commandRow('Kurse', STAFF, (turn) => turn.replies.some((r) => r.attachments !== undefined)),
    commandRow('meine Tickets', ['candidate lotse', 'other lotse'], (turn) =>
      turn.replies.some((r) => r.attachments !== undefined),
    ),
    {
      action: 'command: an meinen Lotsen: …',
      allowed: STAFF,
      arrange: async () => ({
        text: `an meinen Lotsen: Wie bestelle ich Monitor ${m.next()}?`,
        watch: m.containers(TICKETS_CONTAINER),
      }),
    },
    {
      action: 'command: abwesend bis <Datum>',
      allowed: ['candidate lotse', 'other lotse'],
      arrange: async () => ({
        text: 'abwesend bis 31.12.2098',
        watch: m.containers(ABSENCES_CONTAINER),
      }),
      cleanUp: async (role) => {
        await m.say(role, { text: 'wieder da' });
      },
    },
  ];
});
