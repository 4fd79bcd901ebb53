// The web worker that parses an import file off the main thread, so the page stays responsive and shows progress.
import { createParseHandler } from "./parse-handler";
import type { ParseRequest } from "./parse-protocol";

const scope = self as unknown as { postMessage: (message: unknown) => void; onmessage: ((e: MessageEvent<ParseRequest>) => void) | null };
const handle = createParseHandler((message) => scope.postMessage(message));
scope.onmessage = (e) => handle(e.data);
