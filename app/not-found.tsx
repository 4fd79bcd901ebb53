// The 404 page.
import Link from "next/link";

export default function NotFound() {
  return (
    <div className="auth-main" style={{ minHeight: "100vh" }}>
      <div className="auth-card" style={{ textAlign: "center", alignItems: "center" }}>
        <h1>Not found</h1>
        <p className="muted">This page does not exist, or you do not have access to it.</p>
        <Link className="btn btn-primary" href="/notebooks">
          Back to your notebooks
        </Link>
      </div>
    </div>
  );
}
