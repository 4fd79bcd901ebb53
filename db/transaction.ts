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

const current = new AsyncLocalStorage<unknown>();

/** The open transaction of the calling async context, if any. */
export function currentTransaction<T>(): T | undefined {
  return current.getStore() as T | undefined;
}

/** Runs `fn` with `tx` as the current transaction of its async context. */
export function withCurrentTransaction<T, R>(tx: T, fn: () => Promise<R>): Promise<R> {
  return current.run(tx, fn);
}
