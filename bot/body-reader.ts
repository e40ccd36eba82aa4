/**
 * Reads request bodies with hard limits, in place of restify's bodyReader, which
 * - crashes the process on a body sent as gzip that is not gzip (the decompressor has no
 *   error listener), and
 * - limits only the compressed size of a gzip body, so 256 KB can inflate to 256 MB.
 * Here the body is collected up to the limit, then inflated with the same limit on the
 * output; anything else is a 4xx. The result is `req.body` as text, which restify's JSON
 * parser reads next.
 */
import { gunzip } from 'node:zlib';
import type { Next, Request, RequestHandler, Response } from 'restify';

const ACCEPTED_ENCODINGS = new Set(['identity', 'gzip']);

export function limitedBodyReader(maxBytes: number): RequestHandler {
  return (req: Request, res: Response, next: Next) => {
    if (req.getContentLength() === 0 && !req.isChunked()) return next();
    const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    const refuse = (status: number, error: string) => {
      // Drain what is still coming so the client reads the answer instead of a reset.
      req.resume();
      res.send(status, { error });
      next(false);
    };
    if (!ACCEPTED_ENCODINGS.has(encoding)) {
      res.setHeader('accept-encoding', 'gzip');
      return refuse(415, 'Content-Encoding wird nicht unterstützt');
    }

    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= maxBytes) chunks.push(chunk);
    });
    req.once('error', () => next(false));
    // restify pauses requests until a body reader wants them.
    req.resume();
    req.once('end', () => {
      if (received > maxBytes) return refuse(413, `Die Anfrage ist größer als ${maxBytes} Byte`);
      const raw = Buffer.concat(chunks);
      if (encoding === 'identity') {
        req.body = raw.toString('utf8');
        return next();
      }
      gunzip(raw, { maxOutputLength: maxBytes }, (error, inflated) => {
        if ((error as NodeJS.ErrnoException | null)?.code === 'ERR_BUFFER_TOO_LARGE') {
          return refuse(413, `Die Anfrage ist entpackt größer als ${maxBytes} Byte`);
        }
        if (error) return refuse(400, 'Der gzip-Inhalt ist beschädigt');
        req.body = inflated.toString('utf8');
        next();
      });
    });
  };
}
