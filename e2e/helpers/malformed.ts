// Malformed versions of a well-formed tRPC input: wrong whole inputs, then each field of a wrong type, oversized or missing.
import type { Procedure } from "./procedures";

// A query's or subscription's input travels in the URL, and Node refuses request heads over 16 KB (HTTP 431, or a reset connection)
// before the app sees them, so those get oversized strings that still fit in a URL; mutations get 100 KB.
export const OVERSIZED_IN_URL = 10_000;
export const OVERSIZED_IN_BODY = 100_000;

const OBJECT = { nested: true };

/** Values of the wrong type, or out of range, for a field whose well-formed value is `value`. */
function wrongValues(value: unknown, oversized: number): Array<[string, unknown]> {
  const huge = "x".repeat(oversized);
  if (typeof value === "number") {
    return [["a string", "12"], ["null", null], ["an array", [1]], ["an object", OBJECT], ["a boolean", true], ["a fraction", 1.5], ["negative", -1]];
  }
  if (typeof value === "boolean") return [["a string", "true"], ["a number", 1], ["null", null], ["an array", [true]], ["an object", OBJECT]];
  if (Array.isArray(value)) {
    return [
      ["a string", "text"],
      ["a number", 12345],
      ["null", null],
      ["an object", OBJECT],
      ["a boolean", true],
      ["an array of numbers", [12345]],
      [`an array holding ${oversized} characters`, [huge]],
      // In a URL, 1,000 short items (about 9 KB encoded) still fit; in a body, 1,000 longer ones.
      oversized === OVERSIZED_IN_URL ? ["an array of 1,000 items", Array.from({ length: 1000 }, () => "x")] : ["an array of 1,000 items", Array.from({ length: 1000 }, (_, i) => `item${i}`)],
    ];
  }
  return [["a number", 12345], ["null", null], ["an array", ["x"]], ["an object", OBJECT], ["a boolean", true], [`${oversized} characters`, huge]];
}

/** Labelled malformed inputs for a procedure, built from its sample. */
export function malformedInputs(p: Procedure, sample: Record<string, unknown>): Array<[string, unknown]> {
  const optional = p.optional ?? [];
  const allOptional = Object.keys(sample).every((k) => optional.includes(k));
  const inputs: Array<[string, unknown]> = [
    ["null", null],
    ["an empty array", []],
    ["an array of the input", [sample]],
    ["a string", "text"],
    ["a number", 42],
    ["a boolean", true],
  ];
  if (!allOptional) inputs.push(["an empty object", {}], ["no input", undefined]);
  for (const [key, value] of Object.entries(sample)) {
    const oversized = p.oversized?.[key] ?? (p.type === "mutation" ? OVERSIZED_IN_BODY : OVERSIZED_IN_URL);
    for (const [what, wrong] of wrongValues(value, oversized)) inputs.push([`${key} as ${what}`, { ...sample, [key]: wrong }]);
    if (!optional.includes(key)) {
      const rest = Object.fromEntries(Object.entries(sample).filter(([k]) => k !== key));
      inputs.push([`${key} missing`, rest]);
    }
  }
  return inputs;
}
