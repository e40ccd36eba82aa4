/**
 * The announcements API, for other systems (e.g. the course booking system):
 *
 *   POST /api/announcements            create and send (202; above the threshold it waits
 *                                      for an organiser's approval in Teams)
 *   GET  /api/announcements/:id        the live delivery report
 *   GET  /api/announcements/:id/report.csv
 *   PATCH /api/announcements/:id       new title/text: every delivered card is updated
 *   POST /api/announcements/:id/recall every delivered card is deleted
 *
 * Every request needs an Entra bearer token with the app role `Announcements.Send`.
 */
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { announcementCard } from '../../cards';
import {
  BroadcastError,
  type Audience,
  type BroadcastMessages,
  type Broadcasts,
  type DeliveryReports,
} from '../../services/broadcast';
import type { AuditLog } from '../../services/audit';
import type { UnitCatalog } from '../../services/directory';
import type { Logger } from '../../services/logging';
import type { ApiCaller, ApiTokenVerifier } from './api-token';

export interface AnnouncementsApiOptions {
  broadcasts: Broadcasts;
  reports: DeliveryReports;
  audit: AuditLog;
  /** Undefined: the API is not configured and answers 404. */
  verify?: ApiTokenVerifier;
  /** The directory's units: an audience of units it does not know would reach nobody. */
  units: Pick<UnitCatalog, 'unknown'>;
  logger: Logger;
}

const audienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('installed') }),
  z.object({ kind: z.literal('lotsen') }),
  z.object({
    kind: z.literal('units'),
    departments: z.array(z.string().trim().min(1)).min(1).max(200),
  }),
  z.object({ kind: z.literal('group'), groupId: z.string().trim().min(1).max(100) }),
  z.object({
    kind: z.literal('users'),
    userIds: z.array(z.string().trim().min(1)).min(1).max(10_000),
  }),
]);

const contentSchema = z.object({
  title: z.string().trim().min(1).max(120),
  text: z.string().trim().min(1).max(4000),
  facts: z
    .array(z.object({ label: z.string().min(1).max(60), value: z.string().min(1).max(200) }))
    .max(10)
    .optional(),
  link: z
    .object({ title: z.string().min(1).max(60), url: z.url({ protocol: /^https$/ }) })
    .optional(),
  image: z
    .object({ url: z.url({ protocol: /^https$/ }), altText: z.string().min(1).max(200) })
    .optional(),
  /** Shows the "Gelesen" button; on unless false. */
  acknowledge: z.boolean().optional(),
});

const createSchema = contentSchema.extend({
  audience: audienceSchema,
  /** ISO instant; absent: now. */
  sendAt: z.iso.datetime({ offset: true }).optional(),
});

type Content = z.infer<typeof contentSchema>;

export function registerAnnouncementsApi(server: Server, options: AnnouncementsApiOptions): void {
  const { broadcasts, reports, audit } = options;

  server.post(
    '/api/announcements',
    guarded(options, async (req, res, caller) => {
      const input = createSchema.safeParse(req.body);
      if (!input.success) return invalid(res, input.error);
      const { audience } = input.data;
      const unknown =
        audience.kind === 'units' ? await options.units.unknown(audience.departments) : [];
      if (unknown.length > 0) {
        return refused(res, [`audience.departments: unbekannte Einheiten: ${unknown.join(', ')}`]);
      }
      const id = broadcasts.newId();
      await broadcasts.create({
        id,
        title: input.data.title,
        createdBy: caller.id,
        audience: input.data.audience as Audience,
        messages: messagesOf(id, input.data),
      });
      const submitted = await broadcasts.submit(id, {
        sendAt: input.data.sendAt ? new Date(input.data.sendAt) : undefined,
      });
      await audit.record({ id: caller.id }, 'broadcast.send', id, {
        recipients: submitted.count.recipients,
        needsApproval: submitted.needsApproval,
      });
      options.logger.info({ broadcastId: id, caller: caller.id }, 'announcement created by API');
      res.send(202, {
        id,
        status: submitted.broadcast.status,
        recipients: submitted.count.recipients,
        reachable: submitted.count.reachable,
        needsApproval: submitted.needsApproval,
      });
    }),
  );

  server.get(
    '/api/announcements/:id',
    guarded(options, async (req, res) => {
      const report = await reports.report(String(req.params.id));
      if (!report) return notFound(res);
      res.send(200, report);
    }),
  );

  server.get(
    '/api/announcements/:id/report.csv',
    guarded(options, async (req, res) => {
      const id = String(req.params.id);
      if (!(await broadcasts.get(id))) return notFound(res);
      const csv = await reports.csv(id);
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="zustellung-${id}.csv"`);
      res.sendRaw(200, csv);
    }),
  );

  server.patch(
    '/api/announcements/:id',
    guarded(options, async (req, res, caller) => {
      const id = String(req.params.id);
      const input = contentSchema.safeParse(req.body);
      if (!input.success) return invalid(res, input.error);
      const edited = await broadcasts.edit(id, messagesOf(id, input.data, true));
      await audit.record({ id: caller.id }, 'broadcast.edit', id, { revision: edited.revision });
      res.send(202, { id, status: edited.status, revision: edited.revision });
    }),
  );

  server.post(
    '/api/announcements/:id/recall',
    guarded(options, async (req, res, caller) => {
      const recalled = await broadcasts.recall(String(req.params.id));
      await audit.record({ id: caller.id }, 'broadcast.recall', recalled.id);
      res.send(202, { id: recalled.id, status: recalled.status, recalled: true });
    }),
  );
}

type Handler = (req: Request, res: Response, caller: ApiCaller) => Promise<void>;

/** Checks the token, then runs the handler; state errors become 404/409, never a 500. */
function guarded(options: AnnouncementsApiOptions, handler: Handler) {
  return async (req: Request, res: Response): Promise<void> => {
    if (!options.verify) return notFound(res);
    const check = await options.verify(req.header('authorization'));
    if (!check.ok) {
      res.send(check.status, { error: check.reason });
      return;
    }
    try {
      await handler(req, res, check.caller);
    } catch (error) {
      if (!(error instanceof BroadcastError)) throw error;
      if (error.code === 'not-found') return notFound(res);
      res.send(409, { error: error.message });
    }
  };
}

function messagesOf(broadcastId: string, content: Content, edited = false): BroadcastMessages {
  const data = { broadcastId, ...content, edited };
  return { de: { card: announcementCard('de', data) }, en: { card: announcementCard('en', data) } };
}

function invalid(res: Response, error: z.ZodError): void {
  refused(
    res,
    error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
  );
}

function refused(res: Response, problems: string[]): void {
  res.send(400, { error: 'Ungültige Anfrage', problems });
}

function notFound(res: Response): void {
  res.send(404, { error: 'Nicht gefunden' });
}
