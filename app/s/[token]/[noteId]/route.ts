// A note inside a shared notebook, /s/{token}/{noteId}, through Next: the same answer as /s/{token}'s route gives.
import { GET as answer } from "../route";

export const dynamic = "force-dynamic";
export const GET = answer;
export const HEAD = answer;
