// Prepared queries for hot paths: built once per store handle, and run in the caller's transaction when there is one.
import type pg from "pg";
import { currentTransaction } from "./transaction";

type Preparable<P> = { prepare(name: string): P };

/**
 * The connection a drizzle PostgreSQL transaction runs on (drizzle keeps it on the transaction's session), or
 * undefined when the handle has none. db/prepared.test.ts and db/stores/observations-pg.test.ts fail if a drizzle
 * upgrade moves it.
 */
export function transactionClient(tx: unknown): unknown {
  return (tx as { session?: { client?: unknown } }).session?.client;
}

/**
 * The pooled PostgreSQL connection a drizzle transaction runs on (a client has release), or undefined for a handle
 * outside one, which holds the pool itself.
 */
export function transactionConnection(db: unknown): pg.PoolClient | undefined {
  const client = transactionClient(db) as pg.PoolClient | pg.Pool | undefined;
  return client && "release" in client && typeof client.release === "function" ? client : undefined;
}

/**
 * Returns a getter for the prepared form of the query `build` makes on the process's handle (`baseDb()`), built once:
 * building a query costs more than running it. On SQLite a transaction is the connection itself, so the statement
 * runs in it as it is. On PostgreSQL, inside a transaction, the getter hands out the same statement bound to the
 * transaction's connection; `name` names it on the server, which parses it once per connection.
 */
export function preparedOn<Db extends object, P extends object>(baseDb: () => Db, name: string, build: (db: Db) => Preparable<P>): () => P {
  const byDb = new WeakMap<Db, P>();
  return () => {
    const db = baseDb();
    let statement = byDb.get(db);
    if (statement === undefined) byDb.set(db, (statement = build(db).prepare(name)));
    const tx = currentTransaction<object>();
    if (tx === undefined || tx === db) return statement;
    const client = transactionClient(tx);
    if (client === undefined) throw new Error(`Prepared query "${name}": the open transaction has no connection to run it on.`);
    return Object.create(statement, { client: { value: client } }) as P;
  };
}
