// Live figures through the real server: a note with 50 figures over 5,000-point series (the page, and figures.evaluate alone),
// and what the staleness check adds to a 180,000-row import into a series those figures read.
import { benchData, csvOf, dailyRows, trpc } from "./charts.mjs";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (n) => Math.round(n * 100) / 100;

/** 50 figures over five series: every statistic, each figure its own. */
function fiftyFigures(keys) {
  const stats = [
    (k) => `series=${k} stat=last`,
    (k) => `series=${k} stat=value date=2010-06-30`,
    (k) => `series=${k} stat=return from=2008-01-01 to=2009-12-31`,
    (k) => `series=${k} stat=change from=2010-01-01 to=2011-01-01`,
    (k) => `series=${k} stat=ytd to=2012-06-30`,
    (k, o) => `series=${k} stat=ratio over=${o} from=2009-01-01 to=2015-01-01`,
    (k) => `series=${k} stat=drawdown from=2007-01-01 to=2020-01-01`,
    (k) => `series=${k} stat=high from=2011-01-01 to=2013-12-31`,
    (k) => `series=${k} stat=low from=2011-01-01 to=2013-12-31`,
    (k) => `series=${k} stat=return from=2014-01-01 digits=2 sign=true`,
  ];
  return keys.flatMap((k, i) => stats.map((make) => make(k, keys[(i + 1) % keys.length])));
}

export async function figureCases({ baseURL, cookie, measure, load }) {
  const { notebookId, push, newSeries } = await benchData(baseURL, cookie, "FIG");
  const keys = [];
  for (let i = 0; i < 5; i++) {
    const key = await newSeries(`figures 5k series ${i + 1}`);
    await push(key, csvOf(dailyRows(5_000, "2007-01-01", 20 + i)), "text/csv");
    keys.push(key);
  }
  const figures = fiftyFigures(keys);
  const body = `# Fifty figures\n\n${figures.map((f, i) => `Sentence ${i + 1} says :value{${f}} and moves on.`).join("\n\n")}\n`;
  const note = await trpc(baseURL, cookie, "notes.create", { notebookId, title: "Bench: fifty figures", body });
  const out = [];

  // 1. The note page with its 50 figures computed on the server (prefetched into the page), one visitor.
  const verify = (html) => (html.match(/data-figure-key=/g) ?? []).length >= 50 && !html.includes("figure-error");
  const page = await measure(`${baseURL}/notes/${note.id}`, { headers: { cookie }, verify, ...load, connections: 1 });
  out.push({ name: "note page, 50 live figures over 5,000-point series (1 visitor)", path: "/notes/{id}", bar: { maxP50: 30 }, ...page });
  const input = encodeURIComponent(JSON.stringify({ json: { notebookId, keys: figures } }));
  const evaluate = await measure(`${baseURL}/api/trpc/figures.evaluate?input=${input}`, { headers: { cookie }, verify: (b) => b.startsWith('{"result":') && !b.includes('"ok":false'), ...load, connections: 1 });
  out.push({ name: "figures.evaluate, the same 50 figures (1 visitor)", path: "/api/trpc/figures.evaluate", ...evaluate });

  // 2. A 180,000-row import into a series the note's figures read, against the same import into a series nothing reads;
  //    then the staleness check itself (figures.changes on the note), which runs when the note or the inbox is read.
  const rows = dailyRows(180_000, "1705-01-01", 99);
  const timed = async (key) => {
    const result = await push(key, csvOf(rows), "text/csv");
    return result.tookMs.parse + result.tookMs.write;
  };
  const plain = [];
  const watched = [];
  // Five pairs, interleaved: on this machine one import's time moves by a third from run to run.
  for (let i = 0; i < 5; i++) {
    plain.push(await timed(await newSeries(`import, no figures ${i + 1}`)));
    // A series the note reads: a figure over it is added to the note first, so the import moves a recorded figure.
    const key = await newSeries(`import, read by figures ${i + 1}`);
    const current = await trpc(baseURL, cookie, "notes.get", { id: note.id }, "GET");
    await trpc(baseURL, cookie, "notes.update", { id: note.id, baseVersion: current.version, body: `${current.body}\nAnd :value{series=${key} stat=last} too.\n` });
    watched.push(await timed(key));
  }
  const checks = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const changes = await trpc(baseURL, cookie, "figures.changes", { noteId: note.id }, "GET");
    checks.push(performance.now() - started);
    if (changes.length < 1) throw new Error("figures.changes found no changed figure after the imports");
  }
  const ratio = median(watched) / median(plain);
  console.log(`  figures: import ${Math.round(median(plain))} ms, into a series figures read ${Math.round(median(watched))} ms (${round(ratio)}×); figures.changes ${Math.round(median(checks))} ms`);
  out.push({
    name: "CSV import, 180k rows into a series figures read, against one nothing reads",
    path: "POST /api/v1/series/{key}/observations",
    importMs: Math.round(median(plain)),
    importReadByFiguresMs: Math.round(median(watched)),
    ratio: round(ratio),
    stalenessCheckMs: round(median(checks)),
    bar: { maxRatio: 1.1 },
    note: "staleness is worked out when a note or the inbox is read (figures.changes, timed here), never during an import",
    reqPerSec: null,
    p50: null,
    p99: null,
  });
  return out;
}
