// Checks a PostgreSQL URL before Quire builds or starts: reachable, the database there, version 15 or newer; says what to fix.
import pg from "pg";

const redacted = (url) => url.replace(/:[^:@/]*@/, ":***@");

/** What to tell a person for a connection error, by its code. */
function advice(error, url) {
  const where = redacted(url);
  switch (error.code) {
    case "ECONNREFUSED":
      return `nothing answers at ${where}. Start PostgreSQL there, or fix the host and port in DATABASE_URL.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `the host in ${where} is unknown. Fix the host name in DATABASE_URL.`;
    case "3D000":
      return `${error.message} (${where}). Create it first (createdb), or fix the database name in DATABASE_URL.`;
    case "28P01":
    case "28000":
      return `PostgreSQL refused the user or password in ${where} (${error.message}). Fix them in DATABASE_URL.`;
    default:
      return `${error.message} (${where}). Check that PostgreSQL is running and that DATABASE_URL is right.`;
  }
}

/** Resolves when the database at `url` answers and runs PostgreSQL 15 or newer; otherwise rejects with what to fix. */
export async function checkPostgres(url, { timeoutMs = 5_000 } = {}) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query("SHOW server_version_num");
    const version = Number(rows[0].server_version_num);
    if (version < 150000) throw Object.assign(new Error(`Quire needs PostgreSQL 15 or newer; ${redacted(url)} runs ${Math.floor(version / 10000)}.`), { code: "QUIRE_VERSION" });
  } catch (error) {
    if (error.code === "QUIRE_VERSION") throw error;
    const message = /timeout/i.test(error.message) ? `no answer from ${redacted(url)} within ${timeoutMs / 1000} s. Check the host, port and firewall.` : advice(error, url);
    throw new Error(`Quire cannot use the PostgreSQL database: ${message}`);
  } finally {
    await client.end().catch(() => {});
  }
}
