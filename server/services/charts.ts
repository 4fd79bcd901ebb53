// Charts: saved specs over a notebook's series (list, get with asOf, preview, create, update, remove); access is checked first.
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, transaction } from "@/db/client";
import { charts, noteLinks, notebooks, notes } from "@/db/schema";
import type { ChartData } from "@/lib/charts/chart-data";
import { chartSpecSchema, type ChartSpec, type RangeView } from "@/lib/charts/spec";
import { newId } from "@/lib/ids";
import { assertAccessToRowIn, assertNotebookAccess, readableBy, roleAllows, roleIn, type Actor } from "./access";
import { recordEvent } from "./audit";
import { DomainError, badRequest, conflict, notFound } from "./errors";
import { overlaidQuestions, renderChart, renderChartInTurns, type RenderTiming } from "./chart-render";

export type ChartSummary = {
  id: string;
  notebookId: string;
  notebookName: string;
  title: string;
  kind: ChartSpec["kind"];
  series: string[];
  updatedAt: Date;
  embedCount: number;
};

type ChartRow = typeof charts.$inferSelect;

function notFoundChart(): DomainError {
  return notFound("chart");
}

/** The chart row if the actor may do `action` in its notebook; NOT_FOUND for strangers and missing ids alike. */
export async function chartFor(actor: Actor, id: string, action: "read" | "write"): Promise<ChartRow> {
  const [row] = await getDb().select().from(charts).where(eq(charts.id, id));
  await assertAccessToRowIn(actor, row?.notebookId, action, notFoundChart);
  return row!;
}

/** A stored spec, read back through the schema (a spec from an older version still parses or is reported). */
export function specOf(row: Pick<ChartRow, "spec">): ChartSpec {
  const parsed = chartSpecSchema.safeParse(row.spec);
  if (!parsed.success) throw new DomainError("UNPROCESSABLE_CONTENT", "This chart's saved spec is no longer valid; edit and save it again.");
  return parsed.data;
}

/** Refuses a spec that overlays a question of another notebook (or none): BAD_REQUEST, naming nothing of elsewhere. */
async function assertOverlaysIn(notebookId: string, spec: ChartSpec): Promise<void> {
  if (!spec.questions || spec.questions.length === 0) return;
  const found = new Set((await overlaidQuestions(notebookId, spec.questions)).map((q) => q.id));
  const missing = spec.questions.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw badRequest(`A chart can overlay only questions of its own notebook; ${missing.length === 1 ? "one question given is" : `${missing.length} questions given are`} not there. Pick questions of this notebook.`, { questions: missing });
  }
}

/** The charts of one notebook, or of every notebook the actor belongs to, most recently changed first. */
export async function listCharts(actor: Actor, opts: { notebookId?: string } = {}): Promise<ChartSummary[]> {
  if (opts.notebookId) await assertNotebookAccess(actor, opts.notebookId, "read");
  const db = getDb();
  const scope = opts.notebookId
    ? eq(charts.notebookId, opts.notebookId)
    : readableBy(charts.notebookId, actor);
  const rows = await db
    .select({ chart: charts, notebookName: notebooks.name })
    .from(charts)
    .innerJoin(notebooks, eq(notebooks.id, charts.notebookId))
    .where(scope)
    .orderBy(desc(charts.updatedAt));
  const counts = new Map<string, number>();
  if (rows.length > 0) {
    const links = await db
      .select({ id: noteLinks.targetId })
      .from(noteLinks)
      .innerJoin(notes, eq(notes.id, noteLinks.noteId))
      .where(and(eq(noteLinks.targetType, "chart"), inArray(noteLinks.targetId, rows.map((r) => r.chart.id)), isNull(notes.deletedAt)));
    for (const l of links) counts.set(l.id, (counts.get(l.id) ?? 0) + 1);
  }
  return rows.map(({ chart, notebookName }) => {
    const spec = chartSpecSchema.safeParse(chart.spec);
    return {
      id: chart.id,
      notebookId: chart.notebookId,
      notebookName,
      title: chart.title,
      kind: spec.success ? spec.data.kind : "line",
      series: spec.success ? spec.data.series : [],
      updatedAt: chart.updatedAt,
      embedCount: counts.get(chart.id) ?? 0,
    };
  });
}

export type ChartDetail = {
  id: string;
  notebookId: string;
  notebookName: string;
  title: string;
  spec: ChartSpec;
  version: number;
  updatedAt: Date;
  canEdit: boolean;
  asOf: Date | null;
  /** The chart's data without the table's rows (see chartTable). */
  data: ChartData;
  /** False when the data was asked for without its points (lines and bars are then empty). */
  pointsIncluded: boolean;
  /** Rows of the chart's table; null when it was drawn from thinned series (long ones), which leaves the rows uncounted. */
  tableRowCount: number | null;
  svg: string;
  dataVersion: string;
  timing: RenderTiming;
  embeddedIn: Array<{ id: string; title: string }>;
};

/** Chart data without the table's rows (they come on demand from chartTable), and without the drawn points unless asked for. */
function slim(data: ChartData, withPoints = true): ChartData {
  return { ...data, table: { columns: data.table.columns, rows: [] }, ...(withPoints ? {} : { lines: [], bars: [] }) };
}

/**
 * A chart with its server-rendered SVG and data, as known now or at `asOf`, and the notes that embed it.
 * With `withPoints: false` the data leaves out the drawn points: enough for a first paint, a fraction of the size.
 */
export async function getChart(actor: Actor, input: { id: string; asOf?: Date; width?: number; withPoints?: boolean }): Promise<ChartDetail> {
  const row = await chartFor(actor, input.id, "read");
  const spec = specOf(row);
  const { data, ...rendered } = await renderChart(row.notebookId, spec, { asOf: input.asOf, width: input.width });
  const db = getDb();
  const [notebook] = await db.select({ name: notebooks.name }).from(notebooks).where(eq(notebooks.id, row.notebookId));
  const embeddedIn = await db
    .select({ id: notes.id, title: notes.title })
    .from(noteLinks)
    .innerJoin(notes, eq(notes.id, noteLinks.noteId))
    .where(and(eq(noteLinks.targetType, "chart"), eq(noteLinks.targetId, row.id), eq(notes.notebookId, row.notebookId), isNull(notes.deletedAt)))
    .orderBy(desc(notes.updatedAt));
  return {
    id: row.id,
    notebookId: row.notebookId,
    notebookName: notebook?.name ?? "",
    title: row.title,
    spec,
    version: row.version,
    updatedAt: row.updatedAt,
    canEdit: roleAllows(await roleIn(actor, row.notebookId), "write"),
    asOf: input.asOf ?? null,
    data: slim(data, input.withPoints),
    pointsIncluded: input.withPoints !== false,
    tableRowCount: data.thinned ? null : data.table.rows.length,
    ...rendered,
    embeddedIn,
  };
}

/**
 * The numbers behind a chart (every aligned row, not downsampled), as known now or at `asOf`: for "show data" and CSV.
 * With `view` (a range preset the chart's page shows in place of the saved range), the rows of that range.
 */
export async function chartTable(actor: Actor, input: { id: string; asOf?: Date; view?: RangeView }): Promise<{ title: string; table: ChartData["table"] }> {
  const row = await chartFor(actor, input.id, "read");
  const spec = specOf(row);
  const { data } = await renderChart(row.notebookId, input.view ? { ...spec, range: { preset: input.view } } : spec, { asOf: input.asOf, table: true });
  return { title: data.title, table: data.table };
}

/** Renders an unsaved spec over a notebook's series, for the builder's live preview. */
export async function previewChart(actor: Actor, input: { notebookId: string; spec: ChartSpec; width?: number }): Promise<{ data: ChartData; svg: string; timing: RenderTiming }> {
  await assertNotebookAccess(actor, input.notebookId, "read");
  await assertOverlaysIn(input.notebookId, input.spec);
  const { data, svg, timing } = await renderChartInTurns(input.notebookId, input.spec, { width: input.width });
  return { data: slim(data), svg, timing };
}

/** Saves a new chart in a notebook the actor may write to. */
export async function createChart(actor: Actor, input: { notebookId: string; spec: ChartSpec }): Promise<{ id: string; version: number }> {
  await assertNotebookAccess(actor, input.notebookId, "write");
  await assertOverlaysIn(input.notebookId, input.spec);
  const id = newId();
  await transaction(async (tx) => {
    await tx.insert(charts).values({ id, notebookId: input.notebookId, title: input.spec.title, spec: input.spec, createdBy: actor.id, updatedBy: actor.id });
    await recordEvent(tx, { actorId: actor.id, action: "chart.create", targetType: "chart", targetId: id, notebookId: input.notebookId });
  });
  return { id, version: 1 };
}

/** Replaces a chart's spec; with `baseVersion`, a stale edit gets CONFLICT instead of overwriting. */
export async function updateChart(actor: Actor, input: { id: string; spec: ChartSpec; baseVersion?: number }): Promise<{ id: string; version: number }> {
  const row = await chartFor(actor, input.id, "write");
  if (input.baseVersion !== undefined && input.baseVersion !== row.version) {
    throw conflict("Someone else saved this chart since you opened it. Reload to see their version.", { version: row.version });
  }
  await assertOverlaysIn(row.notebookId, input.spec);
  const version = row.version + 1;
  await transaction(async (tx) => {
    // The version read is part of the WHERE: of two saves made from one version, on this server or another, one lands.
    const saved = await tx
      .update(charts)
      .set({ title: input.spec.title, spec: input.spec, version, updatedBy: actor.id, updatedAt: new Date() })
      .where(and(eq(charts.id, row.id), eq(charts.version, row.version)))
      .returning({ id: charts.id });
    if (saved.length === 0) throw conflict("Someone else saved this chart since you opened it. Reload to see their version.", { version: row.version + 1 });
    await recordEvent(tx, { actorId: actor.id, action: "chart.update", targetType: "chart", targetId: row.id, notebookId: row.notebookId });
  });
  return { id: row.id, version };
}

/** Deletes a chart; notes that embed it then show a "chart removed" card. */
export async function removeChart(actor: Actor, id: string): Promise<{ id: string }> {
  const row = await chartFor(actor, id, "write");
  await transaction(async (tx) => {
    await tx.delete(charts).where(eq(charts.id, row.id));
    await recordEvent(tx, { actorId: actor.id, action: "chart.remove", targetType: "chart", targetId: row.id, notebookId: row.notebookId, data: { title: row.title } });
  });
  return { id: row.id };
}

/**
 * A chart of one notebook drawn for a share page, with no actor: only the share-links service calls it, after it has
 * checked the token and that the chart is embedded in the shared note. Null when the chart is gone or belongs to
 * another notebook (a note cannot reach across notebooks) or its spec no longer parses.
 */
export async function chartForSharedNote(
  notebookId: string,
  chartId: string,
  opts: { asOf?: Date; width?: number } = {},
): Promise<{ title: string; description: string; svg: string; seriesKeys: string[] } | null> {
  const [row] = await getDb().select().from(charts).where(and(eq(charts.id, chartId), eq(charts.notebookId, notebookId)));
  if (!row) return null;
  const spec = chartSpecSchema.safeParse(row.spec);
  if (!spec.success) return null;
  const { data, svg } = await renderChart(notebookId, spec.data, { asOf: opts.asOf, width: opts.width });
  return { title: row.title, description: data.description, svg, seriesKeys: spec.data.series };
}
