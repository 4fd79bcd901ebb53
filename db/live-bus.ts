// Change notices between servers: on PostgreSQL through LISTEN/NOTIFY (every server hears every notice, its own
// included), on SQLite (one process) straight to this process's listeners.
import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { dialect, postgresUrl } from "./dialect.mjs";

/** The PostgreSQL channel all notices travel on; each notice is `{ topic, payload }` as JSON (under 8,000 bytes). */
const CHANNEL = "quire_changes";
const RECONNECT_MS = 1_000;

type Shared = { quireLiveBus?: EventEmitter; quireLiveListener?: { client: pg.Client | null; stopped: boolean } };
const shared = globalThis as unknown as Shared;

/** This process's emitter: each topic is an event; listeners hear every notice published on any server. */
export function localBus(): EventEmitter {
  if (!shared.quireLiveBus) {
    shared.quireLiveBus = new EventEmitter();
    shared.quireLiveBus.setMaxListeners(0);
  }
  if (dialect() === "postgres" && !shared.quireLiveListener) listen();
  return shared.quireLiveBus;
}

/** Keeps one dedicated connection (outside the pool) LISTENing, reconnecting after a second when it drops. */
function listen(): void {
  const state = (shared.quireLiveListener = { client: null as pg.Client | null, stopped: false });
  const connect = async () => {
    if (state.stopped) return;
    const client = new pg.Client({ connectionString: postgresUrl()!, application_name: "quire-live", connectionTimeoutMillis: 5_000 });
    const retry = () => {
      if (state.client === client) state.client = null;
      client.removeAllListeners();
      client.end().catch(() => {});
      if (!state.stopped) setTimeout(connect, RECONNECT_MS).unref();
    };
    client.on("error", retry);
    client.on("end", retry);
    client.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        const { topic, payload } = JSON.parse(message.payload) as { topic: string; payload: unknown };
        shared.quireLiveBus?.emit(topic, payload);
      } catch {
        // A notice this version cannot read: ignore it.
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      state.client = client;
    } catch {
      retry();
    }
  };
  void connect();
}

/** Waits until this process hears notices from the database (at once on SQLite); for start-up and tests. */
export async function liveBusReady(timeoutMs = 5_000): Promise<boolean> {
  localBus();
  const started = Date.now();
  while (dialect() === "postgres" && !shared.quireLiveListener?.client) {
    if (Date.now() - started > timeoutMs) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

/** Tells every server's listeners (this one's included) about a change; call after the change has committed. */
export async function publish(topic: string, payload: unknown, pool?: { query(text: string, values: unknown[]): Promise<unknown> }): Promise<void> {
  if (dialect() !== "postgres" || !pool) {
    localBus().emit(topic, payload);
    return;
  }
  localBus();
  await pool.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify({ topic, payload })]);
}

/** Stops listening (graceful shutdown). */
export async function closeLiveBus(): Promise<void> {
  const state = shared.quireLiveListener;
  if (!state) return;
  state.stopped = true;
  shared.quireLiveListener = undefined;
  const client = state.client;
  state.client = null;
  if (client) {
    client.removeAllListeners();
    await client.end().catch(() => {});
  }
}
