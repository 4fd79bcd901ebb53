// Which columns of a table are likely dates and values, by their names (the parser and the import dialog agree).

const PREFERRED_VALUE_COLUMNS = ["adj close", "adjclose", "adj_close", "adjusted close", "close", "price", "value"];
const DATE_NAME = /date|time|day|period|month|year/i;

/** True for a column whose name says it holds dates. */
export function isDateColumnName(name: string): boolean {
  return DATE_NAME.test(name);
}

/** The column a value is most likely in (Adj Close, Close, Price, Value, in that order), if any. */
export function preferredValueColumn(candidates: string[]): string | undefined {
  for (const name of PREFERRED_VALUE_COLUMNS) {
    const found = candidates.find((c) => c.toLowerCase() === name);
    if (found) return found;
  }
  return undefined;
}
