"use client";
// Reads an import file with progress and parses it in a web worker (or in the page when workers are unavailable).
import type { ImportMapping, ParsedFile } from "@/lib/series/parse";
import { createParseHandler } from "./parse-handler";
import type { BulkMapping } from "@/lib/series/bulk";
import type { BulkSummary, ParseReply, ParseRequest, ParseSummary } from "./parse-protocol";

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

/** The parse worker; Turbopack bundles it because the call has exactly this shape. */
function spawnWorker(): Worker {
  return new Worker(new URL("./parse-worker.ts", import.meta.url));
}

type Pending = { request: ParseRequest; resolve: (reply: ParseReply) => void; onProgress?: (fraction: number) => void };

/** Reads a File as text, reporting the fraction read. */
export function readFileText(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(new Error("The file could not be read. Choose it again."));
    reader.readAsText(file);
  });
}

/** One file's parser: detect, parse with a mapping (progress reported), list a column's values. */
export class FileParser {
  private worker: Worker | null = null;
  private local: ((request: ParseRequest) => void) | null = null;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor() {
    try {
      this.worker = spawnWorker();
      this.worker.onmessage = (e: MessageEvent<ParseReply>) => this.receive(e.data);
      this.worker.onerror = () => this.fallBack();
    } catch {
      this.fallBack();
    }
  }

  /** Without a working worker, requests run in the page; those already sent are sent again, in order. */
  private fallBack(): void {
    this.worker?.terminate();
    this.worker = null;
    if (this.local) return;
    const local = createParseHandler((reply) => this.receive(reply));
    this.local = local;
    const queued = [...this.pending.values()].map((p) => p.request);
    if (queued.length > 0) setTimeout(() => queued.forEach((r) => local(r)), 0);
  }

  private receive(reply: ParseReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    if (reply.type === "progress") {
      p.onProgress?.(reply.fraction);
      return;
    }
    this.pending.delete(reply.id);
    p.resolve(reply);
  }

  private send(request: WithoutId<ParseRequest>, onProgress?: (fraction: number) => void): Promise<ParseReply> {
    const id = this.next++;
    const full = { ...request, id } as ParseRequest;
    return new Promise((resolve) => {
      this.pending.set(id, { request: full, resolve, onProgress });
      if (this.worker) this.worker.postMessage(full);
      else setTimeout(() => this.local?.(full), 20);
    });
  }

  async detect(text: string, fileName?: string): Promise<{ file: ParsedFile } | { error: string }> {
    const reply = await this.send({ type: "detect", text, fileName });
    return reply.type === "detected" ? { file: reply.file } : { error: reply.type === "error" ? reply.message : "Unexpected reply." };
  }

  async parse(mapping: ImportMapping | undefined, onProgress: (fraction: number) => void): Promise<{ summary: ParseSummary } | { error: string }> {
    const reply = await this.send({ type: "parse", mapping }, onProgress);
    return reply.type === "parsed" ? { summary: reply.summary } : { error: reply.type === "error" ? reply.message : "Unexpected reply." };
  }

  async bulk(text: string, mapping?: BulkMapping): Promise<{ summary: BulkSummary } | { error: string }> {
    const detected = await this.send({ type: "detect", text });
    if (detected.type === "error") return { error: detected.message };
    const reply = await this.send({ type: "bulk", mapping });
    return reply.type === "bulk" ? { summary: reply.summary } : { error: reply.type === "error" ? reply.message : "Unexpected reply." };
  }

  async values(column: string): Promise<string[]> {
    const reply = await this.send({ type: "values", column });
    return reply.type === "values" ? reply.values : [];
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.pending.clear();
  }
}
