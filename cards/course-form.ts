import { renderCard, type CardAttachment } from './render';
import { strings, type Language } from './strings';
import template from './templates/course-form.json';

export interface CourseFormData {
  title: string;
  description: string;
  sessions: Array<{ date: string; start: string; end: string; place: string }>;
  mode: string;
  link: string;
  capacity: string;
  deadlineDate: string;
  deadlineTime: string;
  audience: string;
}

const EMPTY_SESSION = { date: '', start: '', end: '', place: '' };

/**
 * The organisers' form for a new course, filled again with the problems after a refusal.
 * With `edit` it changes that course: the submit carries the course id and the version of the
 * course the form was filled from, so a form older than the course is refused.
 */
export function courseFormCard(
  language: Language,
  data: {
    form?: CourseFormData;
    problems?: string[];
    sessionCount: number;
    done?: boolean;
    edit?: { courseId: string; version: string };
  },
): CardAttachment {
  const t = strings[language];
  const form = data.form;
  return renderCard(template, language, {
    heading: data.edit ? t.courseFormEditHeading : t.courseFormHeading,
    submit: data.edit ? t.courseFormSave : t.courseFormCreate,
    verb: data.edit ? 'course.update' : 'course.create',
    courseId: data.edit?.courseId ?? '',
    version: data.edit?.version ?? '',
    title: form?.title ?? '',
    description: form?.description ?? '',
    mode: form?.mode ?? 'praesenz',
    link: form?.link ?? '',
    capacity: form?.capacity ?? '',
    deadlineDate: form?.deadlineDate ?? '',
    deadlineTime: form?.deadlineTime ?? '12:00',
    audience: form?.audience ?? 'alle',
    // Input ids are numbered: date1, start1, end1, place1, …
    sessions: Array.from({ length: data.sessionCount }, (_, i) => ({
      ...(form?.sessions[i] ?? EMPTY_SESSION),
      n: i + 1,
      heading: t.courseFormSession.replace('{n}', String(i + 1)),
    })),
    done: data.done ?? false,
    problems: (data.problems ?? []).map((problem) => `- ${problem}`).join('\n'),
  });
}
