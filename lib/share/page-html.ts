// The share page as one HTML document with no script: a note with its charts and questions, a question, or a notebook's index.
import { chartFigureHtml, escapeHtml, sharedNoteArticleHtml, STANDALONE_STYLES, type EmbedHtml } from "@/lib/notes/standalone-html";
import { formatForecast, formatNumber, formatOutcome, kindLabel } from "@/lib/questions/format";
import type { SeriesMove, SharedChart, SharedDocument, SharedNoteDocument, SharedNotebookDocument, SharedQuestion, SharedQuestionDocument } from "./model";

const SHARE_STYLES = `
.share-banner{background:#fff7e0;border:1px solid #eed9a0;border-radius:8px;padding:10px 14px;margin:0 0 20px;color:#5b4a14;font-size:.92rem}
main{padding:32px 20px 48px}footer{color:#676a71;font-size:.8rem;margin-top:40px;border-top:1px solid #e4e4df;padding-top:12px}
.not-found{text-align:center;padding-top:20vh}
.chart-narrow{display:none}.chart-wide figure,.chart-narrow figure{margin:0}
@media (max-width:560px){main{padding:20px 14px 36px}h1{font-size:1.5rem}.chart-wide{display:none}.chart-narrow{display:block}figure.chart{padding:10px 8px}}
.moves{list-style:none;margin:8px 0 0;padding:8px 0 0;border-top:1px dashed #e4e4df;font-size:.85rem;color:#55585e}.moves li{margin:2px 0}
.up{color:#1f7a45}.down{color:#b3261e}
.q-card{border:1px solid #e4e4df;border-left:4px solid #a463f2;border-radius:8px;padding:12px 14px;margin:0 0 16px}
.q-kicker{margin:0;color:#6b6f76;font-size:.8rem;text-transform:uppercase;letter-spacing:.04em}
.q-title{margin:4px 0 6px;font-weight:600;font-size:1.05rem}.q-card p{margin:4px 0}
.status{display:inline-block;border-radius:999px;padding:1px 9px;font-size:.78rem;font-weight:600;background:#eef1fb;color:#2f4ba8}
.status-resolved{background:#e6f4ea;color:#1f7a45}.status-annulled{background:#f1f1ee;color:#55585e}
.q-figure{margin:0 0 20px;padding:12px 14px;border:1px solid #e4e4df;border-radius:8px}.q-figure svg{max-width:100%;height:auto}
.notes-index{list-style:none;padding:0;margin:0}.notes-index li{border-bottom:1px solid #e4e4df;padding:14px 0}
.notes-index a{font-weight:600;font-size:1.08rem;text-decoration:none}.notes-index p{margin:4px 0 0;color:#55585e}.faint{color:#676a71;font-size:.85rem}
.back{display:inline-block;margin:0 0 14px;font-size:.9rem}
`;

const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const day = (iso: string) => iso.slice(0, 10);

function shareDocument(title: string, main: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow, noarchive"><meta name="referrer" content="no-referrer"><meta name="color-scheme" content="light">
<title>${escapeHtml(title)}</title><style>${STANDALONE_STYLES}${SHARE_STYLES}</style></head>
<body><main data-testid="share-page">${main}</main></body></html>
`;
}

function snapshotBanner(what: string, asOf: Date | null): string {
  return asOf
    ? `<p class="share-banner" data-testid="share-as-of">A snapshot: ${what} as of ${utc(asOf)}. Later edits and data are not shown${what.includes("chart") ? ", except where a chart says how its data moved since" : ""}.</p>`
    : "";
}

const FOOTER = "<footer>Read-only copy, shared with you by its author.</footer>";

function moveHtml(m: SeriesMove): string {
  const name = escapeHtml(m.name || m.key);
  const value = (p: { date: string; value: number }) => `${formatNumber(p.value)}${m.unit ? ` ${escapeHtml(m.unit)}` : ""} (${p.date})`;
  if (!m.then && !m.now) return `<li>${name}: no data.</li>`;
  if (!m.then) return `<li>${name}: no data at the snapshot; now ${value(m.now!)}.</li>`;
  if (!m.now || (m.now.date === m.then.date && m.now.value === m.then.value)) return `<li>${name}: unchanged since the snapshot, ${value(m.then)}.</li>`;
  const change = m.then.value !== 0 ? (m.now.value / m.then.value - 1) * 100 : null;
  const sign = change === null ? "" : change >= 0 ? "up" : "down";
  const changeText = change === null ? "" : ` <span class="${sign}">${change >= 0 ? "+" : "−"}${Math.abs(change).toFixed(1)}%</span>`;
  return `<li>${name}: ${value(m.then)} then, ${value(m.now)} now,${changeText}.</li>`;
}

function sharedChartHtml(chart: SharedChart): string {
  const svg = `<div class="chart-wide">${chart.svg}</div><div class="chart-narrow">${chart.narrowSvg}</div>`;
  const figure = chartFigureHtml(chart, svg);
  if (chart.moves.length === 0) return figure;
  return figure.replace(/<\/figure>$/, `<ul class="moves" data-testid="share-moves"><li><strong>Since the snapshot</strong></li>${chart.moves.map(moveHtml).join("")}</ul></figure>`);
}

function statusHtml(q: SharedQuestion): string {
  const text = q.status === "open" ? "Open" : q.status === "annulled" ? "Annulled" : `Resolved: ${escapeHtml(formatOutcome(q))}`;
  return `<span class="status status-${q.status}">${text}</span>`;
}

/** Each forecaster's latest forecast, in words. */
function latestForecasts(q: SharedQuestion): string {
  const latest = new Map<string, SharedQuestion["forecasts"][number]>();
  for (const f of q.forecasts) latest.set(f.forecaster, f);
  if (latest.size === 0) return "No forecasts yet.";
  return [...latest.values()].map((f) => `${escapeHtml(formatForecast(f, q.unit))} (${escapeHtml(f.forecaster)}, ${day(f.at)})`).join("; ");
}

function questionCardHtml(q: SharedQuestion): string {
  return `<aside class="q-card" data-testid="share-question-card"><p class="q-kicker">Tracked question · ${escapeHtml(kindLabel(q.kind))} · resolve by ${escapeHtml(q.resolveBy)}</p>
<p class="q-title">${escapeHtml(q.title)} ${statusHtml(q)}</p><p>Latest forecasts: ${latestForecasts(q)}</p><p class="faint">Resolves by: ${escapeHtml(q.criteria)}</p></aside>`;
}

function notePage(doc: SharedNoteDocument): string {
  const body = /^\s*#\s/.test(doc.body) ? doc.body : `# ${doc.title}\n\n${doc.body}`;
  const render: EmbedHtml = (kind, id) => {
    if (kind === "chart") return doc.charts.has(id) ? sharedChartHtml(doc.charts.get(id)!) : null;
    return doc.questions.has(id) ? questionCardHtml(doc.questions.get(id)!) : null;
  };
  const back = doc.indexPath ? `<a class="back" href="${escapeHtml(doc.indexPath)}">← All notes in ${escapeHtml(doc.notebookName)}</a>` : "";
  return shareDocument(
    `${doc.title} · shared from Quire`,
    `<header>${escapeHtml(doc.notebookName)} · shared read-only from Quire · last edited ${utc(doc.editedAt)}</header>${back}${snapshotBanner("this note and its charts", doc.asOf)}<article data-testid="share-article">${sharedNoteArticleHtml(body, render, doc.figures)}</article>${FOOTER}`,
  );
}

function questionPage(doc: SharedQuestionDocument): string {
  const q = doc.question;
  const history = q.forecasts
    .map((f) => `<tr><td>${day(f.at)}</td><td>${escapeHtml(f.forecaster)}</td><td>${escapeHtml(formatForecast(f, q.unit))}</td></tr>`)
    .join("");
  const details = q.details.trim() ? `<h2>Details</h2>${sharedNoteArticleHtml(q.details, () => null)}` : "";
  const range = q.kind === "numeric" && q.rangeMin !== null && q.rangeMax !== null ? ` · plausible range ${formatNumber(q.rangeMin)}–${formatNumber(q.rangeMax)}${q.unit ? ` ${escapeHtml(q.unit)}` : ""}` : "";
  return shareDocument(
    `${q.title} · shared from Quire`,
    `<header>${escapeHtml(doc.notebookName)} · a tracked question shared read-only from Quire</header>${snapshotBanner("this question and its forecasts", doc.asOf)}
<article data-testid="share-article"><h1>${escapeHtml(q.title)}</h1><p>${statusHtml(q)} · ${escapeHtml(kindLabel(q.kind))} · resolve by ${escapeHtml(q.resolveBy)}${range}</p>
<h2>Resolution criteria</h2><p data-testid="share-criteria">${escapeHtml(q.criteria)}</p>
<h2>Forecasts over time</h2><figure class="q-figure"><div class="chart-wide">${doc.figureSvg}</div><div class="chart-narrow">${doc.narrowFigureSvg}</div><p class="faint">Latest: ${latestForecasts(q)}</p></figure>
${history ? `<table><thead><tr><th>Date</th><th>Forecaster</th><th>Forecast</th></tr></thead><tbody>${history}</tbody></table>` : ""}${details}</article>${FOOTER}`,
  );
}

function notebookPage(doc: SharedNotebookDocument): string {
  const items = doc.notes
    .map((n) => `<li><a href="${escapeHtml(n.path)}">${escapeHtml(n.title || "Untitled")}</a><p>${escapeHtml(n.excerpt)}</p><p class="faint">Last edited ${utc(n.editedAt)}</p></li>`)
    .join("");
  return shareDocument(
    `${doc.notebookName} · shared from Quire`,
    `<header>A notebook shared read-only from Quire</header>${snapshotBanner("these notes", doc.asOf)}<h1>${escapeHtml(doc.notebookName)}</h1>${doc.description ? `<p>${escapeHtml(doc.description)}</p>` : ""}
<ul class="notes-index" data-testid="share-index">${items || '<li class="faint">This notebook has no notes yet.</li>'}</ul>${FOOTER}`,
  );
}

/** The share page for a document: no script, form or link into the app (only external links, and the notebook's own share pages). */
export function sharePageHtml(doc: SharedDocument): string {
  if (doc.kind === "note") return notePage(doc);
  if (doc.kind === "question") return questionPage(doc);
  return notebookPage(doc);
}

/** The one page for an unknown, revoked or expired link (and a note that is gone): it tells nothing apart. */
export function shareNotFoundHtml(): string {
  return shareDocument(
    "Not found",
    `<div class="not-found" data-testid="share-not-found"><h1>Not found</h1><p>This link does not exist, has expired or was revoked. Ask the person who sent it for a new one.</p></div>`,
  );
}
