"use client";
// How a script pushes to and reads this series over REST: curl examples for JSON, CSV and reads as of a moment.
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useKeyboardScroll } from "@/components/ui/scroll-box";
import { CopyButton } from "./copy-button";

/** A code example that scrolls sideways on a narrow screen, reachable with the keyboard when it does. */
function CodeExample({ title, code }: { title: string; code: string }) {
  const ref = useRef<HTMLPreElement>(null);
  useKeyboardScroll(ref, title);
  return (
    <pre ref={ref} className="code-block">
      <code>{code}</code>
    </pre>
  );
}

export function RestInstructions({ seriesKey, notebookName, canEdit }: { seriesKey: string; notebookName: string; canEdit: boolean }) {
  const [origin, setOrigin] = useState("https://quire.example.com");
  useEffect(() => setOrigin(window.location.origin), []);
  const url = `${origin}/api/v1/series/${encodeURIComponent(seriesKey)}/observations`;
  const examples = [
    {
      title: "Push values as JSON",
      code: `curl -X POST "${url}" \\\n  -H "Authorization: Bearer $QUIRE_TOKEN" \\\n  -H "Content-Type: application/json" \\\n  -d '{"observations":[{"date":"2026-01-02","value":1.5},{"date":"2026-01-05","value":1.6}]}'`,
    },
    {
      title: "Push a CSV file (name the columns unless it is a FRED, Stooq or single-value file)",
      code: `curl -X POST "${url}?dateColumn=date&valueColumn=close" \\\n  -H "Authorization: Bearer $QUIRE_TOKEN" \\\n  -H "Content-Type: text/csv" \\\n  --data-binary @prices.csv`,
    },
    {
      title: "Read values, as known now or as known at a moment (asOf)",
      code: `curl "${url}?from=2026-01-01&to=2026-03-31&asOf=2026-03-01T12:00:00Z" \\\n  -H "Authorization: Bearer $QUIRE_TOKEN"`,
    },
  ];
  return (
    <section className="card card-body stack" aria-labelledby="rest-title">
      <div>
        <h2 id="rest-title">Push from your scripts</h2>
        <p className="muted">
          Send observations to <code className="mono">{seriesKey}</code> over HTTP with an API token for <strong>{notebookName}</strong>. A value for a date already
          known becomes a revision; the earlier value stays readable with <code className="mono">asOf</code>. Open pages update as data arrives.
        </p>
        <p className="muted" style={{ marginTop: 6 }}>
          {canEdit ? (
            <>
              <Link href="/account#api-tokens">Create an API token</Link> on your Account page, then <code className="mono">export QUIRE_TOKEN=quire_…</code>.
            </>
          ) : (
            <>Your role in this notebook is viewer: a token needs an owner or an editor.</>
          )}
        </p>
      </div>
      {examples.map((ex) => (
        <div key={ex.title} className="code-example">
          <div className="row-between">
            <span className="faint">{ex.title}</span>
            <CopyButton text={ex.code} />
          </div>
          <CodeExample title={ex.title} code={ex.code} />
        </div>
      ))}
      <p className="faint">
        Answers are JSON. 401: missing, unknown or revoked token; 403: the token&apos;s owner can no longer write here; 404: no series with this key in the
        token&apos;s notebook; 400: a bad date or value (with the rows); 413: body over 10 MB; 415: not JSON or CSV.
      </p>
    </section>
  );
}
