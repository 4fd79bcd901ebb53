// Generates many realistic-looking market notes straight into a Quire database, SQLite (the FTS triggers index them) or PostgreSQL (the generated tsvector column and its GIN index).
import Database from "better-sqlite3";
import { withDatabase } from "./store.mjs";

// A Zipf-shaped vocabulary like real prose: a few words in almost every note, most words in few.
// Ranks 1-20 are filler words, 150-190 everyday market words (each in roughly 8-10% of notes), 400-600
// sector and macro words (about 3%), and from 2,000 on specialised words (under 1% each).
const FILLER = ["the", "a", "of", "and", "to", "in", "for", "on", "with", "as", "while", "but", "than", "over", "since", "after", "led", "fell", "rose", "held"];
const COMMON = ["market", "rates", "growth", "earnings", "index", "sector", "small", "caps", "large", "inflation", "fed", "cuts", "yield", "rotation", "tech", "valuation", "returns", "risk", "quarter", "year", "investors", "stocks", "bonds", "prices", "demand", "policy", "outlook", "economy", "profits", "spending", "credit", "volatility", "leadership", "premium", "forecast", "consensus", "data", "week", "month", "trend"];
const MEDIUM = ["staples", "materials", "industrials", "utilities", "energy", "banks", "reshoring", "buybacks", "margins", "guidance", "spreads", "duration", "breadth", "momentum", "defensives", "cyclicals", "housing", "payrolls", "tariffs", "dollar"];
const RARE = ["semiconductor", "lithium", "uranium", "shipping", "copper", "cocoa", "insurance", "biotech", "railroads", "airlines", "casinos", "fertilizer", "timber", "satellites", "robotics", "quantum", "desalination", "microcaps", "convertible", "municipal"];
const SYLLABLES = ["ka", "lo", "mi", "ten", "ra", "vo", "sel", "dun", "pri", "to", "mar", "qua", "zen", "bel", "cor", "fi"];
const VOCABULARY_SIZE = 8_000;

function vocabulary() {
  const words = [...FILLER];
  let n = 0;
  const synthetic = () => {
    let w = "";
    for (let k = n++; w.length < 6 || k > 0; k = Math.floor(k / SYLLABLES.length)) w += SYLLABLES[k % SYLLABLES.length];
    return w;
  };
  while (words.length < 150) words.push(synthetic());
  words.push(...COMMON);
  while (words.length < 400) words.push(synthetic());
  words.push(...MEDIUM.flatMap((m) => [m, ...Array.from({ length: 9 }, synthetic)]));
  while (words.length < 2_000) words.push(synthetic());
  words.push(...RARE.flatMap((r) => [r, ...Array.from({ length: 19 }, synthetic)]));
  while (words.length < VOCABULARY_SIZE) words.push(synthetic());
  return words;
}

/** A small seeded generator, so every run indexes the same text. */
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Draws words with probability proportional to 1 / rank. */
function zipfSampler(words, next) {
  const cumulative = [];
  let total = 0;
  for (let r = 1; r <= words.length; r++) cumulative.push((total += 1 / r));
  return () => {
    const x = next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo];
  };
}

/** The word sampler every generator draws from, seeded: both stores index the same text. */
function wordSampler(seed) {
  return zipfSampler(vocabulary(), random(seed));
}

/** Note `i` of the corpus: its id, title, body, time (ms) and tag (every tenth note has one). Draws title then body words, in order. */
function generatedNote(word, i, words, now) {
  const id = `gen${i.toString(36).padStart(10, "0")}`;
  const title = `${word()} ${word()} ${word()} note ${i}`;
  const body = Array.from({ length: words }, () => word()).join(" ");
  return { id, title, body, at: now - i * 1000, tag: i % 10 === 0 ? MEDIUM[i % MEDIUM.length] : null };
}

/** Inserts `count` notes of about `words` words into the notebook, in one transaction, and checkpoints; returns the elapsed ms. */
export function generateNotes(dbFile, { notebookId, userId, count, words = 150, seed = 2026 }) {
  const db = new Database(dbFile);
  db.pragma("busy_timeout = 10000");
  const word = wordSampler(seed);
  const insertNote = db.prepare(
    "INSERT INTO notes (id, notebook_id, title, body, version, created_by, updated_by, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)",
  );
  const insertTag = db.prepare("INSERT INTO note_tags (note_id, tag) VALUES (?, ?)");
  const started = performance.now();
  db.transaction(() => {
    const now = Date.now();
    for (let i = 0; i < count; i++) {
      const note = generatedNote(word, i, words, now);
      insertNote.run(note.id, notebookId, note.title, note.body, userId, userId, note.at, note.at);
      if (note.tag) insertTag.run(note.id, note.tag);
    }
  })();
  // Leave the corpus in the database file, not in a 270 MB WAL that the server's checkpointer would copy while
  // the searches are measured: the state of a database that has held these notes for a while.
  db.pragma("wal_checkpoint(TRUNCATE)");
  const elapsed = performance.now() - started;
  db.close();
  return elapsed;
}

/** Notes per INSERT on PostgreSQL: each column is one array parameter (2,000 bodies are about 2 MB). */
const PG_CHUNK = 2_000;

/**
 * The same notes and tags (no revisions, as on SQLite) into the PostgreSQL database at `url`, in one transaction:
 * INSERT … SELECT FROM unnest(arrays) per 2,000 notes, then the tags in one statement (its statement trigger fills
 * notes.tags_text; notes.search is generated). The per-row content-version trigger on notes is disabled inside the
 * transaction (100,000 updates of one notebooks row in one transaction cost quadratic time) and the notebook's
 * content_version is moved on once instead. Then VACUUM ANALYZE (the GIN index's pending list merged, statistics for
 * the planner): the state of a database that has held these notes for a while. Returns the elapsed ms.
 */
export async function generateNotesPostgres(url, { notebookId, userId, count, words = 150, seed = 2026 }) {
  const word = wordSampler(seed);
  return withDatabase(url, async (client) => {
    const started = performance.now();
    const tagged = { ids: [], tags: [] };
    await client.query("BEGIN");
    try {
      await client.query("ALTER TABLE notes DISABLE TRIGGER notes_content_version");
      const now = Date.now();
      for (let from = 0; from < count; from += PG_CHUNK) {
        const chunk = { ids: [], titles: [], bodies: [], ats: [] };
        for (let i = from; i < Math.min(count, from + PG_CHUNK); i++) {
          const note = generatedNote(word, i, words, now);
          chunk.ids.push(note.id);
          chunk.titles.push(note.title);
          chunk.bodies.push(note.body);
          chunk.ats.push(note.at);
          if (note.tag) {
            tagged.ids.push(note.id);
            tagged.tags.push(note.tag);
          }
        }
        await client.query(
          `INSERT INTO notes (id, notebook_id, title, body, version, created_by, updated_by, created_at, updated_at)
           SELECT t.id, $1, t.title, t.body, 1, $2, $2, to_timestamp(t.at::float8 / 1000), to_timestamp(t.at::float8 / 1000)
           FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[]) AS t(id, title, body, at)`,
          [notebookId, userId, chunk.ids, chunk.titles, chunk.bodies, chunk.ats],
        );
      }
      await client.query("INSERT INTO note_tags (note_id, tag) SELECT * FROM unnest($1::text[], $2::text[])", [tagged.ids, tagged.tags]);
      await client.query("ALTER TABLE notes ENABLE TRIGGER notes_content_version");
      await client.query("UPDATE notebooks SET content_version = content_version + 1 WHERE id = $1", [notebookId]);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
    await client.query("VACUUM (ANALYZE) notes, note_tags");
    const elapsed = performance.now() - started;
    await settle(client);
    return elapsed;
  });
}

/** Longest wait for autovacuum to finish before the searches are timed. */
const SETTLE_MS = 90_000;

/**
 * As SQLite's corpus is checkpointed out of its WAL, PostgreSQL's is checkpointed (the ~300 MB of WAL the notes made
 * would otherwise be written out by the checkpointer while the searches are timed), and the searches wait, up to
 * SETTLE_MS, for autovacuum workers to finish with what the earlier cases wrote (millions of observations): on two cores
 * either takes a core from the searches. The state of a database that has held these notes for a while.
 */
async function settle(client) {
  const started = Date.now();
  await client.query("CHECKPOINT");
  for (let seen = 0; ; ) {
    const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'");
    seen = Math.max(seen, rows[0].n);
    if (rows[0].n === 0 || Date.now() > started + SETTLE_MS) {
      console.log(`  search: checkpointed, then waited for ${seen} autovacuum worker(s): ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The queries the search benchmark cycles through: common and rare words, prefixes, phrases, filters. */
export const SEARCH_QUERIES = [
  { q: "rotation" },
  { q: "copper" },
  { q: "small caps" },
  { q: '"rate cuts"' },
  { q: "infl" },
  { q: "uranium OR lithium" },
  { q: "staples", tag: "staples" },
  { q: "earnings guidance margins" },
  { q: "semicond" },
  { q: "fed NOT tech" },
];
