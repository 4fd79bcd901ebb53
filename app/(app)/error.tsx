"use client";
// Shown when a page of the app fails: says so plainly and offers a retry.
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="page">
      <div className="card card-body stack-sm" role="alert">
        <h1>Something went wrong</h1>
        <p className="muted">This page could not be shown. Try again; if it keeps failing, quote reference {error.digest ?? "(none)"}.</p>
        <div>
          <button type="button" className="btn btn-primary" onClick={reset}>
            Try again
          </button>
        </div>
      </div>
    </div>
  );
}
