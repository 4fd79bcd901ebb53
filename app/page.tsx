// The landing page: what Quire is, with the way in. Static, so it is also the benchmark ceiling.
import Link from "next/link";
import { Brand } from "@/components/ui/brand";

export const dynamic = "force-static";

const FEATURES = [
  { title: "Notes with evidence", body: "Write commentary in Markdown with the charts and questions it argues from, embedded and live." },
  { title: "Live charts", body: "Rebased lines, returns since a date, small caps over large caps: redrawn the moment new data lands." },
  { title: "Tracked questions", body: "Keep a forecast on each open question, see what moved it, and score yourself when it resolves." },
  { title: "Read-only links", body: "Send a note to a client without an account: live or pinned, with expiry and instant revocation." },
];

export default function LandingPage() {
  return (
    <div className="landing">
      <header className="landing-nav">
        <Brand />
        <div className="row">
          <Link className="btn btn-ghost" href="/sign-in">
            Sign in
          </Link>
          <Link className="btn btn-primary" href="/register">
            Create account
          </Link>
        </div>
      </header>
      <main className="landing-main">
      <section className="hero">
        <h1>The research notebook for people who follow markets</h1>
        <p>Quire keeps your commentary, the data behind it and the questions that decide your view in one place, and shows how that view changed.</p>
        <div className="row">
          <Link className="btn btn-primary" href="/notebooks">
            Open your notebooks
          </Link>
          <Link className="btn" href="/register">
            Start free
          </Link>
        </div>
      </section>
      <section className="features">
        {FEATURES.map((f) => (
          <div key={f.title} className="card feature">
            <h3>{f.title}</h3>
            <p>{f.body}</p>
          </div>
        ))}
      </section>
      </main>
    </div>
  );
}
