"use client";
// Download a chart as SVG, PNG or CSV, and show its numbers as a table.
import { useState } from "react";
import { chartDataToCsv, type ChartData } from "@/lib/charts/chart-data";

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

/** The first <svg> of the server markup, standalone, with a white background for viewers without one. */
function standaloneSvg(markup: string): string {
  const start = markup.indexOf("<svg");
  const end = markup.indexOf("</svg>", start);
  return start >= 0 && end > start ? markup.slice(start, end + 6) : markup;
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

export function ChartDownloads({ data, svg }: { data: ChartData; svg: string }) {
  const [showTable, setShowTable] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = fileNameOf(data.title);
  return (
    <div className="chart-tools">
      <div className="chart-tool-row">
        <button type="button" className="btn btn-sm btn-ghost" aria-expanded={showTable} onClick={() => setShowTable((v) => !v)}>
          {showTable ? "Hide data" : "Show data"}
        </button>
        <span className="faint">Download</span>
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
        <button type="button" className="btn btn-sm btn-ghost" onClick={() => save(new Blob([chartDataToCsv(data)], { type: "text/csv" }), `${name}.csv`)}>
          CSV
        </button>
        {error && <span className="field-error">{error}</span>}
      </div>
      {showTable && <ChartTable data={data} />}
    </div>
  );
}

const TABLE_ROWS = 400;

function ChartTable({ data }: { data: ChartData }) {
  const rows = data.table.rows;
  const shown = rows.length > TABLE_ROWS ? rows.slice(-TABLE_ROWS) : rows;
  return (
    <div className="chart-table-wrap">
      {rows.length > TABLE_ROWS && <p className="faint">The last {TABLE_ROWS} of {rows.length.toLocaleString()} rows; download the CSV for all of them.</p>}
      <table className="data-table">
        <caption className="sr-only">{data.title}: the numbers behind the chart</caption>
        <thead>
          <tr>
            {data.table.columns.map((c) => (
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
                  {cell === null ? "–" : typeof cell === "number" ? cell.toLocaleString(undefined, { maximumFractionDigits: 4 }) : cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
