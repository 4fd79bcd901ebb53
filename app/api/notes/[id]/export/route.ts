// Downloads a note as Markdown (?format=md) or as a standalone HTML page (?format=html).
import { standaloneNoteHtml } from "@/lib/notes/standalone-html";
import { callerFrom } from "@/server/http/caller";
import { httpErrorFrom } from "@/server/http/errors";
import { EXPORT_FILE_CSP } from "@/server/http/headers";
import { requestLogger } from "@/server/logger";
import { chartsForExport, exportFileName, figuresForExport, noteForExport } from "@/server/services/note-export";

function errorResponse(status: number, message: string) {
  return Response.json({ error: { message } }, { status });
}

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const caller = await callerFrom(request.headers);
  if (caller?.via !== "session") return errorResponse(401, "Sign in to export notes.");
  const actor = { id: caller.user.id };
  const { id } = await params;
  const format = new URL(request.url).searchParams.get("format") ?? "md";
  if (format !== "md" && format !== "html") return errorResponse(400, 'format must be "md" or "html".');
  if (!/^[a-z0-9]{1,64}$/.test(id)) return errorResponse(404, "That note does not exist, or you have no access to it.");
  try {
    const { note, markdown } = await noteForExport(actor, id);
    const body = format === "md" ? markdown : standaloneNoteHtml({ ...note, body: markdown }, EXPORT_FILE_CSP, await chartsForExport(actor, note), await figuresForExport(note));
    return new Response(body, {
      headers: {
        "content-type": format === "md" ? "text/markdown; charset=utf-8" : "text/html; charset=utf-8",
        "content-disposition": `attachment; filename="${exportFileName(note.title, format)}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    const { status, body, headers } = httpErrorFrom(error);
    if (status >= 500) requestLogger(request.headers.get("x-request-id") ?? "export").error({ err: { message: (error as Error)?.message, stack: (error as Error)?.stack } }, "export error");
    return Response.json(body, { status, headers });
  }
}
