// The caller of the request being rendered (server components, layouts, server actions): decided once per request.
import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { callerFrom, type Caller } from "./caller";

/** The signed-in browser session of this request, or null (API tokens do not sign in pages or actions). */
export const currentCaller = cache(async (): Promise<Extract<Caller, { via: "session" }> | null> => {
  const caller = await callerFrom(await headers());
  return caller?.via === "session" ? caller : null;
});
