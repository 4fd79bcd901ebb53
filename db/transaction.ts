// Transactions for both stores: the current one is found through AsyncLocalStorage, so getDb() inside it is the transaction.
import { AsyncLocalStorage } from "node:async_hooks";

/** One async lock: callers run one at a time, in the order they asked. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

type Open = { tx: unknown; afterCommit: Array<() => unknown> };
const current = new AsyncLocalStorage<Open>();

/** The open transaction of the calling async context, if any. */
export function currentTransaction<T>(): T | undefined {
  return current.getStore()?.tx as T | undefined;
}

/**
 * Runs `fn` inside the transaction `begin` opens (begin calls `run` with its handle, and commits when it resolves),
 * with that handle as the current transaction of its async context; then, once committed, what was asked to run after.
 */
export async function withCurrentTransaction<T, R>(fn: (tx: T) => Promise<R>, begin: (run: (tx: T) => Promise<R>) => Promise<R>): Promise<R> {
  const open: Open = { tx: undefined, afterCommit: [] };
  const result = await begin((tx) => {
    open.tx = tx;
    return current.run(open, () => fn(tx));
  });
  // The change is committed and will be acknowledged: a task that fails afterwards (a notice the database could not
  // pass on) is reported, never turned into a failed request.
  for (const task of open.afterCommit) {
    try {
      await task();
    } catch (error) {
      process.emitWarning(`A task after a commit failed: ${error instanceof Error ? error.message : String(error)}`, "QuireAfterCommit");
    }
  }
  return result;
}

/** Runs `task` once the open transaction has committed (dropped if it rolls back), or now when there is none. */
export async function afterCommit(task: () => unknown): Promise<void> {
  const open = current.getStore();
  if (open) open.afterCommit.push(task);
  else await task();
}
