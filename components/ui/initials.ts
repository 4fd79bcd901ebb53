// A person's initials for an avatar: the first letters of their first and last names ("Demo Analyst" → "DA"), "?" for no name.
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase();
}
