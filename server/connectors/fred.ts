// FRED connector: the API's JSON when there is a key (with vintages), the public graph CSV when there is not.
import "server-only";
import { z } from "zod";
import { ObservationCollector } from "@/lib/series/collect";
import { parseDateText } from "@/lib/series/dates";
import { parseNumberText } from "@/lib/series/numbers";
import { detectFile, ImportFormatError, parseObservations, type ParseResult } from "@/lib/series/parse";
import { ConnectorError, type ConnectorOptions, type FetchResult } from "./errors";
import { getText, httpError, isHtml, redact, type Fetched } from "./http";

const API_BASE = "https://api.stlouisfed.org";
const GRAPH_BASE = "https://fred.stlouisfed.org";
const SERIES_ID = /^[A-Za-z0-9_]{1,64}$/;
/** The API's largest page; longer series are read in several pages. */
const PAGE_LIMIT = 100_000;
const MAX_PAGES = 20;

const observationsSchema = z.object({
  realtime_start: z.string(),
  realtime_end: z.string(),
  count: z.number().optional(),
  offset: z.number().optional(),
  observations: z.array(z.object({ date: z.string(), value: z.string() })),
});
const errorSchema = z.object({ error_code: z.number().optional(), error_message: z.string() });

/**
 * Fetches a FRED series. With `apiKey`, reads `fred/series/observations` as JSON (all pages) and returns the vintage
 * (`realtime_start`/`realtime_end`) it reflects; without, reads the public graph CSV (`fredgraph.csv?id=…`). Throws a
 * {@link ConnectorError}; its message never contains the key.
 */
export async function fetchFred(ref: { seriesId: string; apiKey?: string }, opts: ConnectorOptions = {}): Promise<FetchResult> {
  const id = ref.seriesId.trim();
  if (!SERIES_ID.test(id)) throw new ConnectorError("bad-request", `“${id.slice(0, 64)}” is not a FRED series id (letters, digits and _ only).`);
  if (opts.from !== undefined && parseDateText(opts.from) !== opts.from) throw new ConnectorError("bad-request", `“${opts.from}” is not a YYYY-MM-DD date.`);
  return ref.apiKey ? fetchFromApi(id, ref.apiKey, opts) : fetchGraphCsv(id, opts);
}

async function fetchFromApi(id: string, apiKey: string, opts: ConnectorOptions): Promise<FetchResult> {
  const secrets = [apiKey];
  const collector = new ObservationCollector();
  let vintage: FetchResult["vintage"];
  for (let page = 0, offset = 0; page < MAX_PAGES; page++) {
    const params = new URLSearchParams({ series_id: id, api_key: apiKey, file_type: "json", limit: String(PAGE_LIMIT), offset: String(offset) });
    if (opts.from) params.set("observation_start", opts.from);
    const fetched = await getText("FRED", `${opts.baseUrl ?? API_BASE}/fred/series/observations?${params}`, { ...opts, secrets });
    const body = readApiBody(id, fetched, secrets);
    vintage ??= { realtimeStart: body.realtime_start, realtimeEnd: body.realtime_end };
    for (const [i, o] of body.observations.entries()) {
      const date = parseDateText(o.date);
      const cell = parseNumberText(o.value);
      const row = offset + i + 1;
      if (date === null) collector.error(row, `“${o.date}” is not a date`);
      else if (cell.kind === "number") collector.add(date, cell.value, row);
      else if (cell.kind === "missing") collector.missing();
      else collector.error(row, `“${o.value}” is not a number`);
    }
    offset += body.observations.length;
    if (body.observations.length === 0 || body.count === undefined || offset >= body.count) break;
  }
  return { ...checked(id, collector.finish()), vintage };
}

function readApiBody(id: string, fetched: Fetched, secrets: string[]): z.infer<typeof observationsSchema> {
  if (isHtml(fetched)) throw new ConnectorError("format", `FRED answered with an HTML page instead of data for “${id}”.`, fetched.status);
  let json: unknown;
  try {
    json = JSON.parse(fetched.body);
  } catch {
    if (fetched.status !== 200) throw httpError("FRED", fetched.status);
    throw new ConnectorError("format", `FRED's answer for “${id}” is not complete JSON: it was cut short or is not JSON at all.`);
  }
  if (fetched.status !== 200) {
    const error = errorSchema.safeParse(json);
    const message = error.success ? redact(error.data.error_message, secrets) : undefined;
    if (fetched.status === 400) throw new ConnectorError("bad-request", `FRED rejected the request for “${id}”: ${message ?? "Bad Request."}`, 400);
    if (fetched.status === 404) throw new ConnectorError("not-found", `FRED has no series “${id}”.`, 404);
    throw httpError("FRED", fetched.status);
  }
  const parsed = observationsSchema.safeParse(json);
  if (!parsed.success) throw new ConnectorError("format", `FRED's answer for “${id}” does not have the observations format.`);
  return parsed.data;
}

async function fetchGraphCsv(id: string, opts: ConnectorOptions): Promise<FetchResult> {
  const params = new URLSearchParams({ id });
  if (opts.from) params.set("cosd", opts.from);
  const fetched = await getText("FRED", `${opts.baseUrl ?? GRAPH_BASE}/graph/fredgraph.csv?${params}`, opts);
  if (fetched.status === 404) throw new ConnectorError("not-found", `FRED has no series “${id}”.`, 404);
  if (fetched.status !== 200) throw httpError("FRED", fetched.status);
  if (isHtml(fetched)) throw new ConnectorError("format", `FRED answered with an HTML page instead of CSV for “${id}”.`);
  let result: ParseResult;
  try {
    const file = detectFile(fetched.body);
    if (file.format !== "fred") throw new ConnectorError("format", `FRED's answer for “${id}” is not a FRED graph CSV (columns: ${file.columns.join(", ")}).`);
    const column = file.valueColumns.find((c) => c.toUpperCase() === id.toUpperCase()) ?? file.valueColumns[0]!;
    assertCompleteLastRow(id, fetched.body, file.columns.length);
    result = parseObservations(fetched.body, { dateColumn: file.dateColumn!, valueColumn: column });
  } catch (err) {
    if (err instanceof ImportFormatError) throw new ConnectorError("format", `FRED's answer for “${id}” cannot be read: ${err.message}`);
    throw err;
  }
  return checked(id, result);
}

/**
 * A CSV whose last line has no newline may have been cut off: that line must be a whole row (every column, a real
 * date, a number), or the response is refused rather than importing a half-written value or losing a row silently.
 */
function assertCompleteLastRow(id: string, body: string, columns: number): void {
  if (body.endsWith("\n")) return;
  const last = body.slice(body.lastIndexOf("\n") + 1).replace(/\r$/, "");
  const fields = last.split(",");
  const complete = fields.length === columns && parseDateText(fields[0]!) !== null && fields.slice(1).every((f) => parseNumberText(f).kind === "number");
  if (!complete) throw new ConnectorError("format", `FRED's answer for “${id}” ends in the middle of a row (“${last.slice(0, 40)}”); nothing was imported.`);
}

function checked(id: string, result: ParseResult): FetchResult {
  if (result.errorCount > 0) {
    const first = result.errors.slice(0, 3).map((e) => `row ${e.row}: ${e.message}`).join("; ");
    throw new ConnectorError("format", `FRED's data for “${id}” has ${result.errorCount} unreadable ${result.errorCount === 1 ? "row" : "rows"} (${first}).`);
  }
  return { observations: result.observations, skippedMissing: result.skippedMissing };
}
