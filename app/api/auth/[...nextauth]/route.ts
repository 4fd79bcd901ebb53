// Auth.js endpoints (sign-in callback, session, CSRF, sign-out) at /api/auth.
import { handlers } from "@/server/auth";

export const { GET, POST } = handlers;
