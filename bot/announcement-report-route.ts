import type { Server } from 'restify';
import type { DeliveryReports } from '../services/broadcast';
import type { OrgDirectory } from '../services/directory';
import type { OneTimeLinks } from '../services/downloads';

/**
 * `GET /announcements/report/<token>.csv`: the delivery report behind the link an organiser
 * asked for on the report card, with names from the directory. The token works once.
 */
export function registerAnnouncementReportRoute(
  server: Server,
  options: { links: OneTimeLinks; reports: DeliveryReports; directory: OrgDirectory },
): void {
  server.get('/announcements/report/:file', async (req, res) => {
    const token = String(req.params.file ?? '').replace(/\.csv$/, '');
    const payload = await options.links.take('broadcast-report', token);
    const broadcastId = typeof payload?.broadcastId === 'string' ? payload.broadcastId : '';
    if (!broadcastId) {
      res.send(404, { error: 'Dieser Link ist abgelaufen oder wurde schon benutzt.' });
      return;
    }
    const csv = await options.reports.csv(broadcastId, async (id) => {
      const user = await options.directory.findUser(id).catch(() => null);
      return user?.displayName;
    });
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="zustellung-${broadcastId}.csv"`,
      'cache-control': 'no-store',
    });
    res.end(csv);
  });
}
