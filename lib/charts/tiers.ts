// Thinned tiers of a long series: blocks of points with each block's lowest and highest point, so that a chart's window can be thinned exactly as downsample() would, reading a few blocks instead of every point.
import { type Point } from "./align";

/** Points per block. A window of n points thinned to b buckets reads about 2b blocks and n / TIER_BLOCK summary entries. */
export const TIER_BLOCK = 64;

const MAGIC = 0x31495451; // "QTI1"
const HEADER = 16;
const DATE_BYTES = 10;
/** Bytes per block in the summary: lowest and highest value (f64 each), their offsets in the block (u8 each), first, lowest's and highest's dates. */
const SUMMARY_ENTRY = 8 + 8 + 1 + 1 + 3 * DATE_BYTES;
/** Bytes per point in a block: its value (f64) and its date. */
const POINT_BYTES = 8 + DATE_BYTES;

/** A series' tiers: the summary (block -1 in series_tiers) and the points of each block, in order. */
export type Tiers = { summary: Uint8Array; blocks: Uint8Array[] };

function readDate(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!, bytes[at + 4]!, bytes[at + 5]!, bytes[at + 6]!, bytes[at + 7]!, bytes[at + 8]!, bytes[at + 9]!);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The tiers of a series given as parallel arrays in date order, one value per date. Non-finite values are left out,
 * as buildChartData leaves them out. Null when the dates are not strictly increasing ten-character ISO dates (such a
 * series is read in full instead). Runs in every write of a series, so it is one pass with no per-point objects.
 */
export function buildTiers(dates: readonly string[], values: ArrayLike<number>): Tiers | null {
  let keep: Int32Array | null = null;
  let count = dates.length;
  for (let i = 0; i < dates.length; i++) {
    if (Number.isFinite(values[i]!)) continue;
    keep = new Int32Array(dates.length);
    count = 0;
    for (let j = 0; j < dates.length; j++) if (Number.isFinite(values[j]!)) keep[count++] = j;
    break;
  }
  const blockCount = Math.ceil(count / TIER_BLOCK);
  const summary = new Uint8Array(HEADER + SUMMARY_ENTRY * blockCount);
  const head = new DataView(summary.buffer);
  head.setUint32(0, MAGIC, true);
  head.setUint32(4, count, true);
  head.setUint32(8, TIER_BLOCK, true);
  head.setUint32(12, blockCount, true);
  const layout = summaryLayout(blockCount);
  const blocks: Uint8Array[] = [];
  let previous = "";
  for (let b = 0; b < blockCount; b++) {
    const start = b * TIER_BLOCK;
    const size = Math.min(TIER_BLOCK, count - start);
    const block = new Uint8Array(POINT_BYTES * size);
    const floats = LITTLE_ENDIAN ? new Float64Array(block.buffer, 0, size) : null;
    const view = floats ? null : new DataView(block.buffer);
    let at = 8 * size;
    let lo = 0;
    let hi = 0;
    let loValue = 0;
    let hiValue = 0;
    for (let k = 0; k < size; k++) {
      const i = keep ? keep[start + k]! : start + k;
      const v = values[i]!;
      const date = dates[i]!;
      if (date.length !== DATE_BYTES || date <= previous) return null;
      previous = date;
      for (let c = 0; c < DATE_BYTES; c++) {
        const code = date.charCodeAt(c);
        if (code > 0x7f) return null;
        block[at++] = code;
      }
      if (floats) floats[k] = v;
      else view!.setFloat64(8 * k, v, true);
      // Strictly lower / higher: the first of equal extremes, as downsample() picks.
      if (k === 0) {
        loValue = v;
        hiValue = v;
      } else {
        if (v < loValue) {
          lo = k;
          loValue = v;
        }
        if (v > hiValue) {
          hi = k;
          hiValue = v;
        }
      }
    }
    blocks.push(block);
    head.setFloat64(layout.mins + 8 * b, loValue, true);
    head.setFloat64(layout.maxs + 8 * b, hiValue, true);
    summary[layout.minOffsets + b] = lo;
    summary[layout.maxOffsets + b] = hi;
    const dateAt = 8 * size;
    summary.set(block.subarray(dateAt, dateAt + DATE_BYTES), layout.firstDates + DATE_BYTES * b);
    summary.set(block.subarray(dateAt + DATE_BYTES * lo, dateAt + DATE_BYTES * (lo + 1)), layout.minDates + DATE_BYTES * b);
    summary.set(block.subarray(dateAt + DATE_BYTES * hi, dateAt + DATE_BYTES * (hi + 1)), layout.maxDates + DATE_BYTES * b);
  }
  return { summary, blocks };
}

function summaryLayout(blockCount: number) {
  const mins = HEADER;
  const maxs = mins + 8 * blockCount;
  const minOffsets = maxs + 8 * blockCount;
  const maxOffsets = minOffsets + blockCount;
  const firstDates = maxOffsets + blockCount;
  const minDates = firstDates + DATE_BYTES * blockCount;
  const maxDates = minDates + DATE_BYTES * blockCount;
  return { mins, maxs, minOffsets, maxOffsets, firstDates, minDates, maxDates };
}

/** A decoded view over a summary: how many points, and per block its first date and extremes. */
export class TierSummary {
  readonly count: number;
  readonly blockSize: number;
  readonly blockCount: number;
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private readonly layout: ReturnType<typeof summaryLayout>;

  /** Throws when the bytes are not a summary of this format. */
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength < HEADER || this.view.getUint32(0, true) !== MAGIC) throw new Error("not a tier summary");
    this.count = this.view.getUint32(4, true);
    this.blockSize = this.view.getUint32(8, true);
    this.blockCount = this.view.getUint32(12, true);
    if (bytes.byteLength !== HEADER + SUMMARY_ENTRY * this.blockCount || this.blockSize < 1 || this.blockSize > 255) throw new Error("a tier summary of the wrong size");
    this.layout = summaryLayout(this.blockCount);
  }

  firstDate(block: number): string {
    return readDate(this.bytes, this.layout.firstDates + DATE_BYTES * block);
  }

  /** The block's lowest point (the first of equals) and its index in the series. */
  min(block: number): { index: number; value: number; date: string } {
    return {
      index: block * this.blockSize + this.bytes[this.layout.minOffsets + block]!,
      value: this.view.getFloat64(this.layout.mins + 8 * block, true),
      date: readDate(this.bytes, this.layout.minDates + DATE_BYTES * block),
    };
  }

  /** The block's highest point (the first of equals) and its index in the series. */
  max(block: number): { index: number; value: number; date: string } {
    return {
      index: block * this.blockSize + this.bytes[this.layout.maxOffsets + block]!,
      value: this.view.getFloat64(this.layout.maxs + 8 * block, true),
      date: readDate(this.bytes, this.layout.maxDates + DATE_BYTES * block),
    };
  }

  minValue(block: number): number {
    return this.view.getFloat64(this.layout.mins + 8 * block, true);
  }

  maxValue(block: number): number {
    return this.view.getFloat64(this.layout.maxs + 8 * block, true);
  }

  /** The number of blocks whose first date is before `date` (strictly, or with `orEqual` on or before). */
  blocksStartingBefore(date: string, orEqual: boolean): number {
    let lo = 0;
    let hi = this.blockCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const first = this.firstDate(mid);
      if (first < date || (orEqual && first === date)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** The points of one block, decoded on demand. */
class Block {
  readonly size: number;
  private readonly bytes: Uint8Array;
  private readonly view: DataView;

  constructor(bytes: Uint8Array) {
    if (bytes.byteLength % POINT_BYTES !== 0) throw new Error("a tier block of the wrong size");
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.size = bytes.byteLength / POINT_BYTES;
  }

  value(k: number): number {
    return this.view.getFloat64(8 * k, true);
  }

  date(k: number): string {
    return readDate(this.bytes, 8 * this.size + DATE_BYTES * k);
  }
}

/** Reads blocks by number; a block that is gone (the data moved on) is missing from the answer. */
export type BlockReader = (blocks: number[]) => Promise<Map<number, Uint8Array>>;

/** One series' window, thinned: what buildChartData draws from it, and what it needs besides. */
export type ThinnedWindow = {
  /** downsample(clip(points, from, to), maxPoints), exactly. */
  points: Point[];
  /** How many points the window holds. */
  count: number;
  /** The series' first date (undefined when it has no points). */
  firstDate: string | undefined;
  /** basePoint(points, baseDate) over the whole series, when a base date was asked for. */
  base: Point | undefined;
};

class MissingBlock extends Error {}

/**
 * Thins one window of a series from its tiers, exactly as downsample(clip(points, from, to), maxPoints) over every
 * point would: the same buckets, and in each the first lowest and the first highest point, found from the summary for
 * whole blocks and from the points themselves for the blocks a bucket's edges cut. Null when a block is missing (the
 * series' data moved on while reading: read it in full instead).
 */
export async function thinWindow(
  summaryBytes: Uint8Array,
  readBlocks: BlockReader,
  window: { from: string; to: string; maxPoints: number; baseDate?: string },
): Promise<ThinnedWindow | null> {
  const summary = new TierSummary(summaryBytes);
  const size = summary.blockSize;
  const loaded = new Map<number, Block>();
  const load = async (wanted: Iterable<number>) => {
    const ids = [...new Set(wanted)].filter((b) => !loaded.has(b)).sort((a, b) => a - b);
    if (ids.length === 0) return;
    const got = await readBlocks(ids);
    for (const id of ids) {
      const bytes = got.get(id);
      if (!bytes) throw new MissingBlock();
      loaded.set(id, new Block(bytes));
    }
  };
  const blockOf = (index: number) => Math.floor(index / size);
  const point = (index: number): Point => {
    const block = loaded.get(blockOf(index))!;
    const k = index - blockOf(index) * size;
    return { date: block.date(k), value: block.value(k) };
  };
  /** Within block `b` (loaded): the first index whose date is ≥ date (> date when `after`), or the block's end. */
  const searchBlock = (b: number, date: string, after: boolean) => {
    const block = loaded.get(b)!;
    let lo = 0;
    let hi = block.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const d = block.date(mid);
      if (d < date || (after && d === date)) lo = mid + 1;
      else hi = mid;
    }
    return b * size + lo;
  };

  try {
    const count = summary.count;
    if (count === 0) return { points: [], count: 0, firstDate: undefined, base: undefined };
    const firstDate = summary.firstDate(0);
    // The blocks holding the window's first and last points and the base point.
    const startBlock = summary.blocksStartingBefore(window.from, false) - 1;
    const endBlock = summary.blocksStartingBefore(window.to, true) - 1;
    const baseBlock = window.baseDate !== undefined ? Math.max(0, summary.blocksStartingBefore(window.baseDate, true) - 1) : -1;
    await load([startBlock, endBlock, baseBlock].filter((b) => b >= 0));
    const start = startBlock < 0 ? 0 : searchBlock(startBlock, window.from, false);
    const end = endBlock < 0 ? -1 : searchBlock(endBlock, window.to, true) - 1;
    let base: Point | undefined;
    if (window.baseDate !== undefined) {
      const at = summary.blocksStartingBefore(window.baseDate, true) - 1 < 0 ? -1 : searchBlock(baseBlock, window.baseDate, true) - 1;
      base = point(at >= 0 ? at : 0);
    }
    const n = window.from > window.to ? 0 : end - start + 1;
    if (n <= 0) return { points: [], count: 0, firstDate, base };
    if (n <= window.maxPoints || n <= 2) {
      const all: number[] = [];
      for (let b = blockOf(start); b <= blockOf(end); b++) all.push(b);
      await load(all);
      const points: Point[] = [];
      for (let i = start; i <= end; i++) points.push(point(i));
      return { points, count: n, firstDate, base };
    }
    if (window.maxPoints < 4) return { points: [point(start), point(end)], count: n, firstDate, base };

    // The buckets of downsample(), in series indexes: the same arithmetic over the window's own indexes.
    const buckets = Math.max(1, Math.floor((window.maxPoints - 2) / 2));
    const inner = n - 2;
    const ranges: [number, number][] = [];
    for (let b = 0; b < buckets; b++) {
      const from = 1 + Math.floor((b * inner) / buckets);
      const to = 1 + Math.floor(((b + 1) * inner) / buckets);
      if (from < to) ranges.push([start + from, start + to]);
    }
    // Each bucket is whole blocks (from the summary) and at most two cut blocks (from their points).
    const cut: number[] = [];
    for (const [from, to] of ranges) {
      for (let pos = from; pos < to; ) {
        const b = blockOf(pos);
        const blockEnd = Math.min((b + 1) * size, count);
        if (!(pos === b * size && blockEnd <= to)) cut.push(b);
        pos = Math.min(to, blockEnd);
      }
    }
    await load(cut);

    const out: Point[] = [point(start)];
    for (const [from, to] of ranges) {
      let lo = -1;
      let loValue = 0;
      let loDate = "";
      let hi = -1;
      let hiValue = 0;
      let hiDate = "";
      for (let pos = from; pos < to; ) {
        const b = blockOf(pos);
        const blockEnd = Math.min((b + 1) * size, count);
        if (pos === b * size && blockEnd <= to) {
          if (lo < 0 || summary.minValue(b) < loValue) ({ index: lo, value: loValue, date: loDate } = summary.min(b));
          if (hi < 0 || summary.maxValue(b) > hiValue) ({ index: hi, value: hiValue, date: hiDate } = summary.max(b));
          pos = blockEnd;
          continue;
        }
        const block = loaded.get(b)!;
        const stop = Math.min(to, blockEnd);
        for (; pos < stop; pos++) {
          const k = pos - b * size;
          const v = block.value(k);
          if (lo < 0 || v < loValue) {
            lo = pos;
            loValue = v;
            loDate = "";
          }
          if (hi < 0 || v > hiValue) {
            hi = pos;
            hiValue = v;
            hiDate = "";
          }
        }
      }
      const low = { date: loDate || point(lo).date, value: loValue };
      const high = { date: hiDate || point(hi).date, value: hiValue };
      if (lo === hi) out.push(low);
      else if (lo < hi) out.push(low, high);
      else out.push(high, low);
    }
    out.push(point(end));
    return { points: out, count: n, firstDate, base };
  } catch (error) {
    if (error instanceof MissingBlock) return null;
    throw error;
  }
}
