// Structured server logs (pino); secrets are redacted by path and never passed in messages. Levels: one line per request
// at debug (QUIRE_LOG_LEVEL=debug), start-up notes and jobs at info (the default), problems at warn and error.
import pino from "pino";

export const REDACTED_PATHS = [
  "password",
  "*.password",
  "currentPassword",
  "*.currentPassword",
  "newPassword",
  "*.newPassword",
  "token",
  "*.token",
  "headers.cookie",
  "headers.authorization",
  "*.headers.cookie",
  "*.headers.authorization",
  "cookie",
  "authorization",
];

export const logger = pino({
  level: process.env.QUIRE_LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "quire" },
  redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
});

/** A logger bound to one request, so every line it writes carries the request id. */
export function requestLogger(requestId: string) {
  return logger.child({ requestId });
}
