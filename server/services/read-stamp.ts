// Per-server caches that stay exact: a value is kept with the database's state stamp it was read under, and served
// again only to a request whose session check read the same stamp (nothing committed in between).
// Symbol.for: the request edge and Next each bundle this module; a stamp set by one is read by the same bundle's copy,
// and the registry keeps the key the same either way.
const STAMP = Symbol.for("quire.stateStamp");

/** Marks an actor (the session's owner) with the stamp read in its session check. */
export function withStamp<T extends object>(actor: T, stamp: string): T {
  Object.defineProperty(actor, STAMP, { value: stamp, enumerable: false });
  return actor;
}

/** The stamp the actor's session check read, if it was read with one. */
export function stampOf(actor: object): string | undefined {
  return (actor as { [STAMP]?: string })[STAMP];
}

// A value kept in a cache is never changed again: a response may serialise it once and send that form every time.
const serializedForms = new WeakMap<object, { form?: unknown }>();

/** The serialised form of `value`: made once for a value kept in a StampedCache, made each time for any other. */
export function serializedOnce<T>(value: unknown, serialize: (value: unknown) => T): T {
  const slot = typeof value === "object" && value !== null ? serializedForms.get(value) : undefined;
  if (!slot) return serialize(value);
  return (slot.form ??= serialize(value)) as T;
}

/** Values by key (a user's id), each with the stamp it was read under; at most `limit` keys, the oldest dropped first. */
export class StampedCache<V> {
  private readonly entries = new Map<string, { stamp: string; value: V }>();

  constructor(private readonly limit = 1_000) {}

  /** The value kept for `key`, when the request sees the same database state it was read under (`stamp`: stampOf(actor)). */
  get(key: string, stamp: string | undefined): V | undefined {
    const entry = stamp === undefined ? undefined : this.entries.get(key);
    return entry && entry.stamp === stamp ? entry.value : undefined;
  }

  /**
   * Keeps `value`, read under `stamp` (a stateStamp() column of the same statement), when that read saw only committed
   * data (`committedOnly`: readsSeeOnlyCommitted(), asked just before the statement ran).
   */
  set(key: string, stamp: string, value: V, committedOnly: boolean): void {
    if (!committedOnly) return;
    this.entries.delete(key);
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { stamp, value });
    if (typeof value === "object" && value !== null) serializedForms.set(value, {});
  }
}
