import type { Server } from 'restify';
import type { Privacy } from '../services/privacy';

/**
 * `GET /privacy/<token>.json`: the download behind the link of the privacy card. The token
 * is the only secret; it works once and only for an hour.
 */
export function registerPrivacyRoute(server: Server, privacy: Privacy): void {
  server.get('/privacy/:file', async (req, res) => {
    const token = String(req.params.file ?? '').replace(/\.json$/, '');
    const content = await privacy.takeExport(token);
    if (!content) {
      res.send(404, { error: 'Dieser Link ist abgelaufen oder wurde schon benutzt.' });
      return;
    }
    res.setHeader('content-disposition', 'attachment; filename="meine-daten-digitallotse.json"');
    res.setHeader('cache-control', 'no-store');
    res.send(200, content);
  });
}
