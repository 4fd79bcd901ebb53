// Shown while the Data page loads (only the list streams, so a missing series still answers 404): the shape of a series list.
export default function DataLoading() {
  return (
    <div className="page" aria-busy="true" aria-label="Loading">
      <div className="skeleton" style={{ height: 32, width: 160 }} />
      <div className="skeleton" style={{ height: 18, width: 460, maxWidth: "100%" }} />
      <div className="skeleton" style={{ height: 20, width: 220, marginTop: 8 }} />
      <div className="card list">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="list-item" style={{ gap: 16 }}>
            <div className="skeleton" style={{ height: 36, flex: 2 }} />
            <div className="skeleton" style={{ height: 32, width: 120 }} />
            <div className="skeleton" style={{ height: 36, flex: 1 }} />
          </div>
        ))}
      </div>
    </div>
  );
}
