"use client";
// Download a chart as SVG, PNG or CSV over the range shown, and show its numbers as a table.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { formatChartValue, type ValueStyle } from "@/lib/charts/format";
import { chartDataToCsv } from "@/lib/charts/chart-csv";
import { type ChartData, type ChartTable as Table } from "@/lib/charts/chart-data";
import type { RangeView } from "@/lib/charts/spec";

/** A file-system-safe name from the chart's title. */
export function fileNameOf(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "chart"
  );
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The chart's own <svg> from the server markup (the widest one: legend swatches are tiny SVGs of their own). */
function standaloneSvg(markup: string): string {
  const doc = new DOMParser().parseFromString(markup, "text/html");
  const svgs = Array.from(doc.querySelectorAll("svg"));
  const main = svgs.reduce<SVGSVGElement | null>((best, svg) => (!best || Number(svg.getAttribute("width") ?? 0) > Number(best.getAttribute("width") ?? 0) ? svg : best), null);
  if (!main) return markup;
  main.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  return new XMLSerializer().serializeToString(main);
}

async function pngOf(svg: string): Promise<Blob> {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("The chart could not be drawn as an image."));
      image.src = url;
    });
    const scale = 2;
    const canvas = document.createElement("canvas");
    canvas.width = (image.naturalWidth || 720) * scale;
    canvas.height = (image.naturalHeight || 360) * scale;
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("This browser cannot draw images.");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("The PNG could not be made."))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Downloads and the data table for a saved chart as shown: as known at `asOf`, and over `view` (a range the page shows
 * in place of the saved one) when given, with `data` and `svg` the drawing of that range. The table's rows are
 * fetched only when asked for; the file names carry the view's range.
 */
export function ChartDownloads({ chartId, asOf, view, data, svg }: { chartId: string; asOf?: Date; view?: RangeView; data: ChartData; svg: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [showTable, setShowTable] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = view ? `${fileNameOf(data.title)}-${view}` : fileNameOf(data.title);
  const tableQuery = trpc.charts.table.queryOptions({ id: chartId, asOf, view });
  const table = useQuery({ ...tableQuery, enabled: showTable });
  const downloadCsv = async () => {
    setError(null);
    try {
      const { table: full } = await queryClient.fetchQuery(tableQuery);
      save(new Blob([chartDataToCsv({ ...data, table: full })], { type: "text/csv" }), `${name}.csv`);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <div className="chart-tools">
      <div className="chart-tool-row">
        <button type="button" className="btn btn-sm btn-ghost" aria-expanded={showTable} onClick={() => setShowTable((v) => !v)}>
          {showTable ? "Hide data" : "Show data"}
        </button>
        <span className="faint" data-testid="download-range">
          {view ? `Download ${data.from} to ${data.to}, as shown` : "Download"}
        </span>
        <button type="button" className="btn btn-sm btn-ghost" onClick={() => save(new Blob([standaloneSvg(svg)], { type: "image/svg+xml" }), `${name}.svg`)}>
          SVG
        </button>
        <button
          type="button"
          className="btn btn-sm btn-ghost"
          onClick={() => {
            setError(null);
            pngOf(standaloneSvg(svg)).then(
              (blob) => save(blob, `${name}.png`),
              (err: Error) => setError(err.message),
            );
          }}
        >
          PNG
        </button>
        <button type="button" className="btn btn-sm btn-ghost" onClick={() => void downloadCsv()}>
          CSV
        </button>
        {error && <span className="field-error">{error}</span>}
      </div>
      {showTable &&
        (table.isPending ? (
          <p className="faint">Loading the numbers…</p>
        ) : table.isError ? (
          <div className="alert alert-error">{table.error.message}</div>
        ) : (
          <ChartTable title={data.title} table={table.data.table} styleOf={columnStyle(data)} />
        ))}
    </div>
  );
}

const TABLE_ROWS = 400;

/** How each numeric column reads: a ratio chart's table holds both series as levels, then the ratio. */
function columnStyle(data: ChartData): (column: number, count: number) => ValueStyle {
  const style = data.style ?? (data.kind === "return" || data.kind === "bars" ? "percent" : "level");
  return (column, count) => (data.kind === "ratio" && column < count - 1 ? "level" : style);
}

function ChartTable({ title, table, styleOf }: { title: string; table: Table; styleOf: (column: number, count: number) => ValueStyle }) {
  const rows = table.rows;
  const shown = rows.length > TABLE_ROWS ? rows.slice(-TABLE_ROWS) : rows;
  return (
    <div className="chart-table-wrap">
      {rows.length > TABLE_ROWS && <p className="faint">The last {TABLE_ROWS} of {rows.length.toLocaleString()} rows; download the CSV for all of them.</p>}
      <table className="data-table">
        <caption className="sr-only">{title}: the numbers behind the chart</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j} className={typeof cell === "number" ? "num" : undefined}>
                  {cell === null ? "–" : typeof cell === "number" ? formatChartValue(cell, styleOf(j, row.length)) : cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
