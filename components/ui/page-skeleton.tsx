// The loading state of a list page: its shape, shimmering.
export function PageSkeleton() {
  return (
    <div className="page" aria-busy="true" aria-label="Loading">
      <div className="skeleton" style={{ height: 32, width: 240 }} />
      <div className="skeleton" style={{ height: 18, width: 420, maxWidth: "100%" }} />
      <div className="grid-cards">
        {[0, 1, 2].map((i) => (
          <div key={i} className="skeleton" style={{ height: 150 }} />
        ))}
      </div>
    </div>
  );
}
