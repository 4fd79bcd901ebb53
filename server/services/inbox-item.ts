// What an inbox item is: its kind and the fields every source of items fills (inbox.ts gathers them; mentions.ts makes the mention items).
export type InboxKind = "stale-figures" | "against-forecast" | "forecast-reminder" | "resolve-by" | "resolved" | "revised-resolution" | "mention";

/** One thing that needs the user, with where to act; `key` names it (a new change gets a new key, so it comes back after a dismissal). */
export type InboxItem = { key: string; kind: InboxKind; notebookName: string; title: string; detail: string; href: string; at: Date };
