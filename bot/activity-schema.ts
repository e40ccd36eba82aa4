import { z } from 'zod';

/**
 * What an incoming activity must look like for the bot to answer it. botbuilder trusts
 * its input: a field of the wrong type throws deep inside a turn, and parts of the
 * activity are echoed into every reply (conversation, from, recipient, ids), where a
 * wrong type fails the reply's serialisation. We answer 400 with the reason instead.
 * Unknown fields pass through; the Teams payload grows over time.
 */
/**
 * Ids travel URI-encoded in the path of every reply ("…/activities/{id}"), and a lone
 * UTF-16 surrogate cannot be encoded: the reply would throw.
 */
const id = z
  .string()
  .min(1)
  .max(1024)
  .refine((value) => !/\p{Cs}/u.test(value), 'ungültiges Unicode (einzelnes Surrogat)');
/** Teams ids are short ASCII; user ids become document ids, which forbid `/ \ ? #`. */
const accountId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'nur sichtbare ASCII-Zeichen')
  .regex(/^[^/\\?#]+$/, 'darf / \\ ? # nicht enthalten');
const shortText = z.string().max(1024);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(100);
const object = z.record(z.string(), z.unknown());

const account = z
  .object({
    id: accountId,
    name: shortText.optional(),
    // A GUID in Entra ID; the demo organisation's ids are GUID-like but longer.
    aadObjectId: z
      .string()
      .max(64)
      .regex(/^[0-9A-Fa-f-]+$/, 'erwartet eine Objekt-ID (GUID)')
      .optional(),
    role: z.string().max(64).optional(),
  })
  .passthrough();

export const incomingActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: id.optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
    conversation: z
      .object({
        // It travels in the path and a header of every reply: visible ASCII, no dot segment.
        id: id
          .regex(/^[\x21-\x7e]+$/, 'nur sichtbare ASCII-Zeichen')
          .refine((value) => value !== '.' && value !== '..', 'ungültige Konversations-ID'),
        tenantId: z.string().max(64).optional(),
        conversationType: z.string().max(64).optional(),
        name: shortText.optional(),
        isGroup: z.boolean().optional(),
      })
      .passthrough(),
    from: account,
    recipient: account,
    replyToId: id.optional(),
    name: z.string().max(256).optional(),
    action: z.string().max(64).optional(),
    text: z.string().max(28_000).optional(),
    locale: z.string().max(32).optional(),
    timestamp: z.string().max(64).optional(),
    localTimestamp: z.string().max(64).optional(),
    expiration: z.string().max(64).optional(),
    channelData: object.optional(),
    membersAdded: list(account).optional(),
    membersRemoved: list(account).optional(),
    entities: list(object).optional(),
    attachments: list(object).optional(),
  })
  .passthrough();

/** Human-readable problems of a request body, or an empty list when it is usable. */
export function activityProblems(body: unknown): string[] {
  const result = incomingActivitySchema.safeParse(body);
  if (result.success) return [];
  return result.error.issues
    .slice(0, 10)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
}
