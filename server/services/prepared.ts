// Prepared statements for hot reads: built once per database connection, reused on every call.
import { getDb, type Db } from "@/db/client";

/** Returns a getter for the statement `build` makes, prepared once for the current connection. */
export function prepared<T>(build: (db: Db) => T): () => T {
  const byDb = new WeakMap<Db, T>();
  return () => {
    const db = getDb();
    let statement = byDb.get(db);
    if (statement === undefined) byDb.set(db, (statement = build(db)));
    return statement;
  };
}
