// The kinds of search result beside notes, in the order they are shown, with where each opens.
export const OTHER_KINDS = [
  { key: "questions", label: "Questions", singular: "Question", href: (id: string) => `/questions/${id}` },
  { key: "charts", label: "Charts", singular: "Chart", href: (id: string) => `/charts/${id}` },
  { key: "series", label: "Series", singular: "Series", href: (id: string) => `/data/${id}` },
] as const;
