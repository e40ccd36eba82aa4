/**
 * "Kurse": the upcoming courses, one click to register, wait or cancel, the calendar file,
 * and the organisers' buttons. A submit carries only a course id; who may do what follows
 * from the directory and the stored course.
 */
import { TurnContext } from 'botbuilder';
import {
  courseDownloadCard,
  coursePresenter,
  strings,
  type CardAttachment,
  type Strings,
} from '../cards';
import {
  isInAudience,
  isStaff,
  seatOf,
  type Course,
  type CourseCardKind,
  type Reach,
} from '../services/courses';
import type { DirectoryUser } from '../services/directory';
import { reportSubmitted } from './announcements';
import type { DialogServices } from './services';
import { sendCard, sendText, type Turn } from './turn';

/** Who clicked: an enabled member of the tenant, and whether they organise courses. */
interface Participant {
  userId: string;
  user: DirectoryUser;
  organiser: boolean;
}

export async function showCourses(turn: Turn, services: DialogServices): Promise<void> {
  const participant = await participantOf(turn, services);
  if (!participant) return sendText(turn, strings[turn.language].courseNotStaff);
  await sendCard(turn, await listCardFor(turn, services, participant));
}

export async function showCourse(
  turn: Turn,
  services: DialogServices,
  value: Record<string, unknown>,
): Promise<void> {
  const found = await courseFor(turn, services, value);
  if (found) await sendCourseCard(turn, services, found.course, found.participant, 'details');
}

export async function registerForCourse(
  turn: Turn,
  services: DialogServices,
  value: Record<string, unknown>,
): Promise<void> {
  const t = strings[turn.language];
  const found = await courseFor(turn, services, value);
  if (!found) return;
  const outcome = await services.courses.registrations.register(
    found.course.id,
    found.participant.userId,
  );
  if (!outcome.ok) {
    const reasons = {
      closed: t.courseClosed,
      cancelled: t.courseIsCancelled,
      unknown: t.courseUnknown,
    };
    return sendText(turn, reasons[outcome.reason]);
  }
  await answerSeatChange(turn, services, found.participant, found.course.id, value);
}

export async function cancelRegistration(
  turn: Turn,
  services: DialogServices,
  value: Record<string, unknown>,
): Promise<void> {
  const t = strings[turn.language];
  const participant = await participantOf(turn, services);
  if (!participant) return sendText(turn, t.courseNotStaff);
  const outcome = await services.courses.registrations.unregister(
    courseIdOf(value),
    participant.userId,
  );
  if (!outcome.ok) {
    const reasons = {
      'not-registered': t.courseNotRegistered,
      cancelled: t.courseIsCancelled,
      unknown: t.courseUnknown,
    };
    return sendText(turn, reasons[outcome.reason]);
  }
  await answerSeatChange(turn, services, participant, courseIdOf(value), value);
}

export async function downloadAttendees(
  turn: Turn,
  services: DialogServices,
  value: Record<string, unknown>,
): Promise<void> {
  const t = strings[turn.language];
  const actor = actorOf(turn);
  const created = await services.courses.files.createAttendeeDownload(courseIdOf(value), actor);
  if (!created.ok) return sendText(turn, refusalText(created.reason, t));
  await sendCard(
    turn,
    courseDownloadCard(turn.language, {
      title: t.courseAttendees,
      text: t.courseAttendeesReady,
      linkTitle: t.courseAttendeesDownload,
      url: `${services.publicBaseUrl}/courses/attendees/${created.value}.csv`,
    }),
  );
}

export async function announceCourse(
  turn: Turn,
  services: DialogServices,
  value: Record<string, unknown>,
): Promise<void> {
  const t = strings[turn.language];
  const announced = await services.courses.announce(courseIdOf(value), actorOf(turn));
  if (!announced.ok) return sendText(turn, refusalText(announced.reason, t));
  if (announced.value.kind === 'already') return sendText(turn, t.courseAlreadyAnnounced);
  // The course card stays; the live report of the announcement comes below it.
  await reportSubmitted(turn, services, announced.value, 'new');
}

export async function cancelCourse(
  turn: Turn,
  services: DialogServices,
  value: Record<string, unknown>,
): Promise<void> {
  const t = strings[turn.language];
  const cancelled = await services.courses.cancelCourse(courseIdOf(value), actorOf(turn));
  if (!cancelled.ok) return sendText(turn, refusalText(cancelled.reason, t));
  await sendText(turn, t.courseCancelledDone);
}

/**
 * After registering or cancelling: a click in the list updates the list in place; every
 * click gets a confirmation card, which later changes of the course keep up to date.
 */
async function answerSeatChange(
  turn: Turn,
  services: DialogServices,
  participant: Participant,
  courseId: string,
  value: Record<string, unknown>,
): Promise<void> {
  const replyToId = turn.context.activity.replyToId;
  if (value.from === 'list' && replyToId) {
    const list = await listCardFor(turn, services, participant);
    await turn.context.updateActivity({ id: replyToId, type: 'message', attachments: [list] });
  }
  const course = await services.courses.get(courseId);
  if (course) await sendCourseCard(turn, services, course, participant, 'confirmation');
}

async function sendCourseCard(
  turn: Turn,
  services: DialogServices,
  course: Course,
  participant: Participant,
  kind: CourseCardKind,
): Promise<void> {
  const address = { kind, userId: participant.userId, organiser: participant.organiser };
  const message = coursePresenter(services.publicBaseUrl).card(
    { course, ...address, now: services.clock.now() },
    turn.language,
  );
  const activityId = await sendCard(turn, message.card as CardAttachment);
  if (activityId) await services.courses.rememberCard(course, address, reachOf(turn), activityId);
}

async function listCardFor(
  turn: Turn,
  services: DialogServices,
  participant: Participant,
): Promise<CardAttachment> {
  const courses = await services.courses.visibleTo(participant.user);
  return coursePresenter(services.publicBaseUrl).listCard(
    courses,
    participant,
    services.clock.now(),
    turn.language,
  );
}

/** The course of a submit, if the person may see it; otherwise they are told why not. */
async function courseFor(
  turn: Turn,
  services: DialogServices,
  value: Record<string, unknown>,
): Promise<{ course: Course; participant: Participant } | undefined> {
  const t = strings[turn.language];
  const participant = await participantOf(turn, services);
  if (!participant) {
    await sendText(turn, t.courseNotStaff);
    return undefined;
  }
  const course = await services.courses.get(courseIdOf(value));
  if (!course) {
    await sendText(turn, t.courseUnknown);
    return undefined;
  }
  const holdsSeat = (seatOf(course, participant.userId)?.state ?? 'cancelled') !== 'cancelled';
  const maySee =
    participant.organiser ||
    holdsSeat ||
    (await isInAudience(services.directory, course.audience, participant.user));
  if (!maySee) {
    await sendText(turn, t.courseNotForYou);
    return undefined;
  }
  return { course, participant };
}

async function participantOf(
  turn: Turn,
  services: DialogServices,
): Promise<Participant | undefined> {
  const userId = turn.identity.aadObjectId?.toLowerCase();
  if (!userId) return undefined;
  const user = await services.directory.findUser(userId).catch(() => null);
  if (!user || !isStaff(user)) return undefined;
  return { userId, user, organiser: await services.courses.mayOrganise(userId) };
}

function actorOf(turn: Turn): { id: string } {
  return { id: (turn.identity.aadObjectId ?? turn.identity.teamsUserId).toLowerCase() };
}

function courseIdOf(value: Record<string, unknown>): string {
  return typeof value.courseId === 'string' ? value.courseId : '';
}

function refusalText(reason: 'not-allowed' | 'unknown' | 'cancelled', t: Strings): string {
  const texts = {
    'not-allowed': t.courseNotAllowed,
    unknown: t.courseUnknown,
    cancelled: t.courseIsCancelled,
  };
  return texts[reason];
}

function reachOf(turn: Turn): Reach {
  const reference = TurnContext.getConversationReference(turn.context.activity);
  return {
    conversation: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
    language: turn.language,
  };
}
