// Prepared queries for hot paths: on SQLite prepared once per connection and reused; the query runs in the caller's transaction when there is one.
import { getDb, type Db } from "@/db/client";

type Preparable<P> = { prepare(name: string): P };

/** Returns a getter for the prepared form of the query `build` makes; `name` names it on the server where the store keeps named statements. */
export function prepared<P>(name: string, build: (db: Db) => Preparable<P>): () => P {
  const byDb = new WeakMap<Db, P>();
  return () => {
    const db = getDb();
    let statement = byDb.get(db);
    if (statement === undefined) byDb.set(db, (statement = build(db).prepare(name)));
    return statement;
  };
}
