"use client";
// The values a data rule resolved on, as a table per series with formatted numbers, and caveats when the series do not line up.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { evidenceView } from "@/lib/questions/evidence";
import { ScrollBox } from "@/components/ui/scroll-box";

export function Evidence({ values, notebookId }: { values: Record<string, number | string>; notebookId: string }) {
  const trpc = useTRPC();
  const series = useQuery(trpc.series.list.queryOptions({ notebookId }));
  const view = useMemo(() => evidenceView(values, Object.fromEntries((series.data ?? []).map((s) => [s.key, s.name]))), [values, series.data]);
  const returns = view.legs.some((l) => l.startDate);
  return (
    <div className="stack-sm" data-testid="evidence">
      {view.legs.length > 0 && (
        <ScrollBox className="q-table-wrap" label="Values the rule used">
          <table className="data-table q-evidence" aria-label="Values the rule used">
            <thead>
              <tr>
                <th scope="col">Series</th>
                {returns ? (
                  <>
                    <th scope="col">From</th>
                    <th scope="col">To</th>
                    <th scope="col" className="num">
                      Return
                    </th>
                  </>
                ) : (
                  <>
                    <th scope="col">Date</th>
                    <th scope="col" className="num">
                      Value
                    </th>
                  </>
                )}
              </tr>
            </thead>
            <tbody>
              {view.legs.map((l) => (
                <tr key={l.key}>
                  <th scope="row">
                    {l.name}
                    {l.frequency && <span className="faint"> · {l.frequency}</span>}
                  </th>
                  {returns ? (
                    <>
                      <td>
                        {l.start} <span className="faint">on {l.startDate}</span>
                      </td>
                      <td>
                        {l.end} <span className="faint">on {l.endDate}</span>
                      </td>
                      <td className="num">{l.returnPct}</td>
                    </>
                  ) : (
                    <>
                      <td>{l.date}</td>
                      <td className="num">{l.value}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {view.others.map((o) => (
        <p key={o.label} className="faint">
          {o.label}: {o.text}
        </p>
      ))}
      {view.caveats.map((c) => (
        <p key={c} className="q-caveat" role="note">
          {c}
        </p>
      ))}
    </div>
  );
}
