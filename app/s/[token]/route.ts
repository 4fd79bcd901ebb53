// The share page /s/{token}: a whole HTML document rendered on the server, with no session, no tRPC client and no script.
import { shareNotFoundHtml, sharePageHtml } from "@/components/notes/standalone-html";
import { resolveShareToken } from "@/server/services/share-links";

export const dynamic = "force-dynamic";

const HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "private, no-store",
  "x-robots-tag": "noindex, nofollow, noarchive",
  "referrer-policy": "no-referrer",
};

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const shared = resolveShareToken((await params).token);
  if (!shared) return new Response(shareNotFoundHtml(), { status: 404, headers: HEADERS });
  return new Response(sharePageHtml(shared, shared.charts), { status: 200, headers: HEADERS });
}
