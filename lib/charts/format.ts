// Numbers on charts for people to read: levels, percents and ratios, the same in tooltips, tables and labels.

/** How a chart's values read: a level (an index, a price), a percent, or a ratio of two series. */
export type ValueStyle = "level" | "percent" | "ratio";

const cache = new Map<string, Intl.NumberFormat>();
function nf(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { minimumFractionDigits: min, maximumFractionDigits: max });
    cache.set(key, f);
  }
  return f;
}

/**
 * A level to sensible digits with thousands separators: 1,000 and above to 2 decimals at most
 * (6,843.13), from 1 up to 2 decimals (94.86), below 1 to 4 significant places (0.04213).
 */
export function formatLevel(v: number): string {
  if (!Number.isFinite(v)) return "–";
  const abs = Math.abs(v);
  if (abs >= 1 || abs === 0) return nf(abs >= 1 ? 2 : 0, 2).format(v);
  const digits = Math.min(8, Math.max(2, 3 - Math.floor(Math.log10(abs))));
  return nf(0, digits).format(v);
}

/** A value already in percent, to one decimal (two below 1% in size): -29.7851 → "-29.8%", 0.4567 → "0.46%". */
export function formatPercentValue(v: number, signed = false): string {
  if (!Number.isFinite(v)) return "–";
  const digits = Math.abs(v) < 1 && v !== 0 ? 2 : 1;
  const text = nf(digits, digits).format(v);
  return `${signed && v > 0 ? "+" : ""}${text}%`;
}

/** A ratio of two series to four significant places: 0.1379 → "0.1379", 12.345 → "12.35". */
export function formatRatio(v: number): string {
  if (!Number.isFinite(v)) return "–";
  const abs = Math.abs(v);
  if (abs === 0) return "0";
  const digits = Math.min(8, Math.max(0, 3 - Math.floor(Math.log10(abs))));
  return nf(0, digits).format(v);
}

/** One value in the chart's style. */
export function formatChartValue(v: number, style: ValueStyle): string {
  return style === "percent" ? formatPercentValue(v) : style === "ratio" ? formatRatio(v) : formatLevel(v);
}
