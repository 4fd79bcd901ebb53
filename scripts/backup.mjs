// `npm run backup -- <file>`: a consistent copy of the live database through SQLite's online backup API (safe while Quire runs).
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFile } from "../db/location.mjs";

const source = databaseFile();
const target = path.resolve(process.argv[2] ?? `quire-backup-${new Date().toISOString().replace(/[:.]/g, "-")}.db`);
const db = new Database(source, { fileMustExist: true });
db.pragma("busy_timeout = 5000");
const started = Date.now();
await db.backup(target);
db.close();
const check = new Database(target, { readonly: true });
const integrity = check.pragma("integrity_check", { simple: true });
check.close();
console.log(`Backed up ${source} to ${target} in ${Date.now() - started} ms (integrity_check: ${integrity}).`);
if (integrity !== "ok") process.exit(1);
