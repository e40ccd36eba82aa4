import { z } from 'zod';

/**
 * The least an incoming activity must carry for the bot to answer it. CloudAdapter would
 * throw deep inside on some of these gaps; we answer 400 with the reason instead.
 */
const account = z.object({ id: z.string().min(1).max(1024) }).passthrough();

export const incomingActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.url().max(2048),
    conversation: z.object({ id: z.string().min(1).max(1024) }).passthrough(),
    from: account,
    recipient: account.optional(),
    text: z.string().max(28_000).optional(),
    locale: z.string().max(32).optional(),
  })
  .passthrough();

/** Human-readable problems of a request body, or an empty list when it is usable. */
export function activityProblems(body: unknown): string[] {
  const result = incomingActivitySchema.safeParse(body);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
}
