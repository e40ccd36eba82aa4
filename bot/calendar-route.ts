import type { Server } from 'restify';
import type { Courses } from '../services/courses';

/**
 * The course downloads behind links on the cards; the unguessable token in the path is the
 * only secret, so nothing here needs a Teams sign-in.
 * - `GET /calendar/<token>.ics`: a registration's calendar file, always the current state
 *   (a cancelled seat or course gives METHOD:CANCEL), so the link can be used again.
 * - `GET /courses/attendees/<token>.csv`: an organiser's attendee list, once, for 15 minutes.
 */
export function registerCalendarRoutes(server: Server, courses: Courses): void {
  server.get('/calendar/:file', async (req, res) => {
    const token = String(req.params.file ?? '').replace(/\.ics$/, '');
    const file = await courses.files.calendarFile(token);
    if (!file) {
      res.send(404, { error: 'Diesen Kalenderlink gibt es nicht (mehr).' });
      return;
    }
    res.writeHead(200, {
      'content-type': `text/calendar; charset=utf-8; method=${file.method}`,
      'content-disposition': `attachment; filename="${file.filename}"`,
      'cache-control': 'no-store',
    });
    res.end(file.content);
  });

  server.get('/courses/attendees/:file', async (req, res) => {
    const token = String(req.params.file ?? '').replace(/\.csv$/, '');
    const download = await courses.files.takeAttendeeDownload(token);
    if (!download) {
      res.send(404, { error: 'Dieser Link ist abgelaufen oder wurde schon benutzt.' });
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${download.filename}"`,
      'cache-control': 'no-store',
    });
    res.end(download.content);
  });
}
