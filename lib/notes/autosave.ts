// The autosave state machine: debounced saves on a base version, one request at a time, retries with backoff, conflicts held for the user.
export type NoteText = { title: string; body: string };

/** The note as the server has it, as a CONFLICT reports it. */
export type ServerNote = NoteText & { version: number; updatedAt: Date; updatedByName: string | null };

export type SaveRequest = { baseVersion: number; title?: string; body?: string };

export type SaveOutcome =
  | { kind: "saved"; version: number; updatedAt: Date }
  | { kind: "conflict"; current: ServerNote }
  /** The request did not reach the server or the server did not answer: try again later. */
  | { kind: "offline"; message?: string }
  /** The server refused the text (invalid, gone, no longer allowed): retrying the same text will not help. */
  | { kind: "rejected"; message: string };

export type AutosaveStatus =
  | { state: "saved"; at: Date }
  | { state: "pending" }
  | { state: "saving" }
  | { state: "offline"; retryAt: Date; attempts: number; message?: string }
  | { state: "conflict"; current: ServerNote }
  | { state: "error"; message: string };

export type AutosaveSnapshot = {
  status: AutosaveStatus;
  /** The version the next save is based on. */
  baseVersion: number;
  /** The text the server has confirmed at baseVersion. */
  acked: NoteText;
  /** The text in the editor. */
  latest: NoteText;
  /** Whether the editor holds text the server has not confirmed. */
  unsaved: boolean;
  /** When the server last confirmed a save (or the note's last change when it was loaded). */
  lastSavedAt: Date;
};

export type Scheduler = {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  now: () => number;
};

export const AUTOSAVE_DEBOUNCE_MS = 800;
export const BLANK_TITLE_MESSAGE = "Give the note a title to save it; your text is kept in this browser meanwhile.";

const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

/** How long to wait before the nth retry (1-based) of a save that could not reach the server. */
export function backoffDelay(attempt: number): number {
  return BACKOFF_MS[Math.min(Math.max(attempt, 1), BACKOFF_MS.length) - 1]!;
}

/** What a save must send to bring the server from `acked` to `latest`; null when there is nothing it can send. */
export function saveRequest(baseVersion: number, acked: NoteText, latest: NoteText): SaveRequest | null {
  const title = latest.title.trim() !== "" && latest.title !== acked.title ? latest.title : undefined;
  const body = latest.body !== acked.body ? latest.body : undefined;
  if (title === undefined && body === undefined) return null;
  return { baseVersion, ...(title !== undefined && { title }), ...(body !== undefined && { body }) };
}

function sameText(a: NoteText, b: NoteText): boolean {
  return a.title === b.title && a.body === b.body;
}

const realScheduler: Scheduler = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  now: () => Date.now(),
};

export class Autosaver {
  private baseVersion: number;
  private acked: NoteText;
  private latest: NoteText;
  private lastSavedAt: Date;
  private status: AutosaveStatus;
  private inFlight = false;
  private attempts = 0;
  private timer: unknown = null;
  private disposed = false;
  private closing = false;
  private generation = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly save: (request: SaveRequest) => Promise<SaveOutcome>;
  private readonly onChange: (snapshot: AutosaveSnapshot) => void;
  private readonly debounceMs: number;
  private readonly scheduler: Scheduler;

  constructor(opts: {
    version: number;
    text: NoteText;
    savedAt: Date;
    save: (request: SaveRequest) => Promise<SaveOutcome>;
    onChange?: (snapshot: AutosaveSnapshot) => void;
    debounceMs?: number;
    scheduler?: Scheduler;
  }) {
    this.baseVersion = opts.version;
    this.acked = { ...opts.text };
    this.latest = { ...opts.text };
    this.lastSavedAt = opts.savedAt;
    this.status = { state: "saved", at: opts.savedAt };
    this.save = opts.save;
    this.onChange = opts.onChange ?? (() => {});
    this.debounceMs = opts.debounceMs ?? AUTOSAVE_DEBOUNCE_MS;
    this.scheduler = opts.scheduler ?? realScheduler;
  }

  snapshot(): AutosaveSnapshot {
    return {
      status: this.status,
      baseVersion: this.baseVersion,
      acked: { ...this.acked },
      latest: { ...this.latest },
      unsaved: !sameText(this.acked, this.latest),
      lastSavedAt: this.lastSavedAt,
    };
  }

  /** The editor's text changed: save it after a pause in typing. */
  edit(text: NoteText): void {
    if (this.disposed) return;
    this.latest = { ...text };
    const held = this.status.state === "conflict" || this.status.state === "offline";
    if (!held) {
      if (sameText(this.acked, this.latest) && !this.inFlight) {
        this.cancelTimer();
        this.status = { state: "saved", at: this.lastSavedAt };
        this.settleIdle();
      } else {
        if (!this.inFlight) this.status = { state: "pending" };
        this.schedule(this.debounceMs);
      }
    }
    this.emit();
  }

  /** Saves now, without waiting for the pause; resolves once nothing more can be done for the moment. */
  flush(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    const idle = new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    if (this.status.state === "conflict") {
      this.settleIdle();
      return idle;
    }
    this.cancelTimer();
    if (this.status.state === "offline") this.status = { state: "pending" };
    void this.run();
    return idle;
  }

  /** Tries again at once (for example when the browser comes back online). */
  retryNow(): void {
    if (this.status.state === "offline") void this.flush();
  }

  /**
   * Continues from the server's version after a conflict (or any reload): the server's text becomes
   * the base, and `keep` (mine, theirs or a merge) is saved on top of it if it differs.
   */
  rebase(server: ServerNote, keep: NoteText): void {
    if (this.disposed) return;
    this.cancelTimer();
    this.generation += 1;
    this.inFlight = false;
    this.baseVersion = server.version;
    this.acked = { title: server.title, body: server.body };
    this.latest = { ...keep };
    this.lastSavedAt = server.updatedAt;
    this.attempts = 0;
    this.status = { state: "saved", at: server.updatedAt };
    if (!sameText(this.acked, this.latest)) {
      this.status = { state: "pending" };
      void this.run();
    }
    this.emit();
  }

  /** Holds saves as a conflict against this server version (for example an old draft brought back). */
  holdConflict(current: ServerNote): void {
    this.cancelTimer();
    this.generation += 1;
    this.inFlight = false;
    this.status = { state: "conflict", current };
    this.emit();
    this.settleIdle();
  }

  /** The editor is going away: sends what is unsaved once, without further retries. */
  close(): void {
    this.closing = true;
    this.cancelTimer();
    if (!this.inFlight && this.status.state !== "conflict") void this.run();
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
    this.settleIdle();
  }

  private async run(): Promise<void> {
    if (this.disposed || this.inFlight || this.status.state === "conflict") return;
    this.cancelTimer();
    const request = saveRequest(this.baseVersion, this.acked, this.latest);
    if (!request) {
      this.status = sameText(this.acked, this.latest) ? { state: "saved", at: this.lastSavedAt } : { state: "error", message: BLANK_TITLE_MESSAGE };
      this.emit();
      this.settleIdle();
      return;
    }
    this.inFlight = true;
    this.status = { state: "saving" };
    this.emit();
    const generation = this.generation;
    let outcome: SaveOutcome;
    try {
      outcome = await this.save(request);
    } catch (error) {
      outcome = { kind: "offline", message: error instanceof Error ? error.message : undefined };
    }
    if (this.disposed || generation !== this.generation) return;
    this.inFlight = false;
    switch (outcome.kind) {
      case "saved": {
        this.baseVersion = outcome.version;
        this.acked = { title: request.title ?? this.acked.title, body: request.body ?? this.acked.body };
        this.lastSavedAt = outcome.updatedAt;
        this.attempts = 0;
        if (sameText(this.acked, this.latest)) {
          this.status = { state: "saved", at: outcome.updatedAt };
        } else if (this.timer === null || this.closing) {
          void this.run();
          return;
        } else {
          this.status = { state: "pending" };
          this.emit();
          return;
        }
        break;
      }
      case "conflict":
        this.status = { state: "conflict", current: outcome.current };
        break;
      case "offline": {
        this.attempts += 1;
        const delay = backoffDelay(this.attempts);
        this.status = { state: "offline", retryAt: new Date(this.scheduler.now() + delay), attempts: this.attempts, message: outcome.message };
        if (!this.closing) this.schedule(delay);
        break;
      }
      case "rejected":
        this.status = { state: "error", message: outcome.message };
        break;
    }
    this.emit();
    this.settleIdle();
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
  }

  private settleIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private emit(): void {
    if (!this.disposed) this.onChange(this.snapshot());
  }
}
