// Input rules for data series, imports, observations and API tokens, shared by the forms, tRPC and the REST API.
import { z } from "zod";
import { isoDateSchema, seriesKeySchema as chartSeriesKey } from "@/lib/charts/spec";
import { idSchema } from "./notebooks";

export const SERIES_FREQUENCIES = ["daily", "weekly", "monthly", "quarterly", "annual", "irregular"] as const;
export const SERIES_SOURCES = ["manual", "upload", "api", "fred", "yahoo"] as const;
export type SeriesSource = (typeof SERIES_SOURCES)[number];

/** A series key: letters, digits, ".", "_" and "-", as chart specs and the REST URL name it (surrounding spaces dropped). */
export const seriesKeySchema = z
  .string({ error: "Give the series a key." })
  .trim()
  .min(1, { error: "Give the series a key." })
  .pipe(chartSeriesKey);

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
export const isoDate = isoDateSchema;

export const CONNECTOR_SOURCES = ["fred", "yahoo"] as const;

const seriesFields = {
  name: z.string({ error: "Give the series a name." }).trim().min(1, { error: "Give the series a name." }).max(120, { error: "Use at most 120 characters for the name." }),
  unit: z.string().trim().max(40, { error: "Use at most 40 characters for the unit." }).default(""),
  frequency: z.enum(SERIES_FREQUENCIES, { error: "Choose daily, weekly, monthly, quarterly, annual or irregular." }).default("daily"),
  notes: z.string().trim().max(2000, { error: "Use at most 2,000 characters for the notes." }).default(""),
};

export const sourceRefSchema = z
  .string()
  .trim()
  .max(64, { error: "Use at most 64 characters for the source id." })
  .regex(/^[A-Za-z0-9^.=_-]*$/, { error: "A FRED series id or Yahoo symbol uses only letters, digits and ^ . = _ -" })
  .default("");

export const refreshIntervalSchema = z
  .number({ error: "The refresh interval is a number of minutes." })
  .int({ error: "The refresh interval is a whole number of minutes." })
  .min(15, { error: "Refresh at most every 15 minutes." })
  .max(60 * 24 * 31, { error: "Refresh at least once a month." })
  .nullable()
  .default(null);

export const createSeriesInput = z
  .object({
    notebookId: idSchema,
    key: seriesKeySchema,
    ...seriesFields,
    source: z.enum(["manual", "upload", "api", ...CONNECTOR_SOURCES], { error: "Choose where the data comes from." }).default("manual"),
    sourceRef: sourceRefSchema,
    refreshIntervalMinutes: refreshIntervalSchema,
  })
  .refine((s) => !(s.source === "fred" || s.source === "yahoo") || s.sourceRef.length > 0, {
    error: "Name the FRED series id or Yahoo symbol to fetch.",
    path: ["sourceRef"],
  });

export const updateSeriesInput = z.object({
  id: idSchema,
  ...seriesFields,
  sourceRef: sourceRefSchema.optional(),
  refreshIntervalMinutes: refreshIntervalSchema.optional(),
});

export const seriesIdInput = z.object({ id: idSchema });

const AS_OF_MESSAGE = "asOf is a date and time, for example 2026-03-01T12:00:00Z (or a date, 2026-03-01).";

/** A moment to read data as of: a Date (from the app) or an ISO date or date-time text (from scripts); nothing else. */
export const asOfSchema = z
  .union([z.date({ error: AS_OF_MESSAGE }), z.iso.datetime({ offset: true, error: AS_OF_MESSAGE }), z.iso.date({ error: AS_OF_MESSAGE })], { error: AS_OF_MESSAGE })
  .transform((v) => (v instanceof Date ? v : new Date(v.length === 10 ? `${v}T23:59:59.999Z` : v)))
  .refine((d) => !Number.isNaN(d.getTime()), { error: AS_OF_MESSAGE });

export const observationsQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    asOf: asOfSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: "“from” must not be after “to”.", path: ["from"] });

export const getSeriesInput = z.intersection(seriesIdInput, observationsQuery);

/** Largest file accepted by an import or a REST push, in characters. */
export const MAX_IMPORT_CHARS = 40_000_000;

export const importMappingSchema = z.object({
  dateColumn: z.string().max(200),
  valueColumn: z.string().max(200),
  filter: z.object({ column: z.string().max(200), equals: z.string().max(200) }).optional(),
});

export const importInput = z.object({
  seriesId: idSchema,
  text: z.string({ error: "Choose a file to import." }).min(1, { error: "The file is empty." }).max(MAX_IMPORT_CHARS, { error: "The file is larger than 40 MB; split it." }),
  mapping: importMappingSchema.optional(),
});

const columnName = z.string({ error: "Name a column of the file." }).max(200, { error: "A column name has at most 200 characters." });

/** How a file of many series is read: long (a symbol column) or wide (one column per series); detected when left out. */
export const bulkMappingSchema = z.discriminatedUnion(
  "layout",
  [
    z.object({ layout: z.literal("long"), dateColumn: columnName, keyColumn: columnName, valueColumn: columnName }),
    z.object({ layout: z.literal("wide"), dateColumn: columnName, valueColumns: z.array(columnName).min(1, { error: "Choose at least one column of values." }).max(200, { error: "Import at most 200 columns at once." }) }),
  ],
  { error: "The layout is long (a symbol column) or wide (one column per series)." },
);

export const importManyInput = z.object({
  notebookId: idSchema,
  text: z.string({ error: "Choose a file to import." }).min(1, { error: "The file is empty." }).max(MAX_IMPORT_CHARS, { error: "The file is larger than 40 MB; split it." }),
  mapping: bulkMappingSchema.optional(),
});

export const addFromSourceInput = z.object({
  notebookId: idSchema,
  source: z.enum(CONNECTOR_SOURCES, { error: "Choose FRED or Yahoo." }),
  ref: sourceRefSchema.pipe(z.string().min(1, { error: "Give the FRED series id or the Yahoo symbol, e.g. DGS10 or ^RUT." })),
  key: seriesKeySchema.optional(),
});

export const tokenNameSchema = z.string({ error: "Name the token after the script that uses it." }).trim().min(1, { error: "Name the token after the script that uses it." }).max(80, { error: "Use at most 80 characters for the name." });

export const createTokenInput = z.object({ notebookId: idSchema, name: tokenNameSchema });
export const tokenIdInput = z.object({ id: idSchema });
