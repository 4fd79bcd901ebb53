// The words of a chart's text description: lists of names, values and percents, and how a value moved.

/** "A", "A and B", "A, B and C". */
export function listOf(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** A value in a description: two decimals from 1 up, four below. */
export function formatValue(v: number): string {
  const abs = Math.abs(v);
  const digits = abs >= 1000 ? 2 : abs >= 1 ? 2 : 4;
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: abs >= 1 ? 2 : 0 }).format(v);
}

/** A percent without its sign, to one decimal. */
export function formatPercent(v: number): string {
  return `${Math.abs(v).toFixed(1)}%`;
}

/** A percent with its sign (−, as typeset); under 0.05 in size it is 0.0%. */
export function signedPercent(v: number): string {
  const rounded = Math.abs(v) < 0.05 ? 0 : v;
  return `${rounded > 0 ? "+" : rounded < 0 ? "−" : ""}${formatPercent(rounded)}`;
}

/** "rose 4.2%", "fell 38.5%" or "was unchanged" for a change given in percent. */
export function moved(pct: number): string {
  if (Math.abs(pct) < 0.05) return "was unchanged";
  return `${pct > 0 ? "rose" : "fell"} ${formatPercent(pct)}`;
}
