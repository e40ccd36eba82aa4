/**
 * Download links that work once and for a short time: the unguessable token in the link is
 * the only secret, so a browser can fetch the file without a Teams sign-in. What the link
 * gives (a course id, a finished export) is kept with the token until it is taken or expires.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import type { Doc, Store } from '../storage';

export const DOWNLOADS_CONTAINER = 'downloads';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** What a link is for; a token of another purpose gives nothing. */
export type DownloadPurpose = 'broadcast-report';

interface LinkDoc extends Doc {
  purpose: DownloadPurpose;
  payload: Record<string, unknown>;
  expiresAt: string;
}

export class OneTimeLinks {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** A new token for the payload, valid for `validMs`. */
  async create(
    purpose: DownloadPurpose,
    payload: Record<string, unknown>,
    validMs: number,
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + validMs);
    await this.store.create<LinkDoc>(DOWNLOADS_CONTAINER, {
      id: token,
      purpose,
      payload,
      expiresAt: expiresAt.toISOString(),
    });
    return { token, expiresAt };
  }

  /** The payload behind a token, once and only while it is valid. */
  async take(
    purpose: DownloadPurpose,
    token: string,
  ): Promise<Record<string, unknown> | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const link = await this.store.get<LinkDoc>(DOWNLOADS_CONTAINER, token);
    if (!link || link.purpose !== purpose) return undefined;
    // Only the request that deletes the link gets its payload: twice at once, one wins.
    if (!(await this.store.delete(DOWNLOADS_CONTAINER, token))) return undefined;
    return new Date(link.expiresAt) > this.clock.now() ? link.payload : undefined;
  }
}
