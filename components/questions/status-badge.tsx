// A question's status as a badge: open (or overdue), resolved, annulled.
export function StatusBadge({ status, overdue = false }: { status: "open" | "resolved" | "annulled"; overdue?: boolean }) {
  const label = status === "open" ? (overdue ? "Overdue" : "Open") : status === "resolved" ? "Resolved" : "Annulled";
  return (
    <span className={`badge q-status q-status-${overdue && status === "open" ? "overdue" : status}`} data-testid="question-status">
      {label}
    </span>
  );
}
