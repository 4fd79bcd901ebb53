// Which store Quire runs on: PostgreSQL when DATABASE_URL names one, else the embedded SQLite file (db/location.mjs).

/** The PostgreSQL URL from DATABASE_URL, or null for SQLite. Any other DATABASE_URL is refused with what to write. */
export function postgresUrl() {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) return null;
  if (/^postgres(ql)?:\/\//.test(url)) return url;
  throw new Error(`DATABASE_URL must be a PostgreSQL URL (postgres://user@host:5432/database), or unset for the embedded SQLite file; it is "${url.replace(/:[^:@/]*@/, ":***@")}".`);
}

/** "postgres" or "sqlite". */
export function dialect() {
  return postgresUrl() ? "postgres" : "sqlite";
}
