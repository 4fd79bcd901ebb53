// A relative time ("5 minutes ago") with the exact time on hover.
import { format, formatDistanceToNow } from "date-fns";

export function TimeAgo({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} title={format(date, "PPpp")} suppressHydrationWarning>
      {formatDistanceToNow(date, { addSuffix: true })}
    </time>
  );
}
