// Request bodies read whole, but never past a cap: reading stops at the first byte over it.
import type { IncomingMessage } from "node:http";

/** Thrown when a body is larger than its cap (by its Content-Length, or as it arrives). */
export class BodyTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than ${formatBytes(limitBytes)}.`);
  }
}

/** "2 MB", "64 MB": a byte count as a person reads it. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * The whole request body, or a BodyTooLarge rejection as soon as the declared length or the bytes received
 * pass the limit; the request is then paused and its listeners removed, so nothing more is buffered.
 * (data/end events: an async iterator over the request costs more here.)
 */
export function readBodyCapped(req: IncomingMessage, limitBytes: number): Promise<Buffer<ArrayBuffer>> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limitBytes) return Promise.reject(new BodyTooLarge(limitBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer<ArrayBuffer>[] = [];
    let received = 0;
    const stop = (error: Error) => {
      req.removeListener("data", onData);
      req.removeListener("end", onEnd);
      req.pause();
      reject(error);
    };
    const onData = (chunk: Buffer<ArrayBuffer>) => {
      received += chunk.length;
      if (received > limitBytes) return stop(new BodyTooLarge(limitBytes));
      chunks.push(chunk);
    };
    const onEnd = () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    req.on("data", onData);
    req.on("end", onEnd);
    req.once("error", stop);
  });
}
