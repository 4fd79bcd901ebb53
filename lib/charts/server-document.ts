// A DOM document for drawing charts outside the browser (linkedom); imported only by server code so client bundles never carry it.
import { parseHTML } from "linkedom";

/** A fresh, empty HTML document that Observable Plot can build SVG in. */
export function createServerDocument(): Document {
  return parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;
}
