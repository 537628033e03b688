/**
 * Word-cloud layout without a plugin: words sorted by weight, font size by square root of weight
 * (scaled down together until the words' boxes take at most half the area), each placed at the
 * first point of an Archimedean spiral where its box overlaps no placed box (tested in constant time
 * on an occupancy grid). Pure: text widths come from the
 * `measure` function, so it runs and tests without a canvas.
 */

/** A word and its weight (frequency). */
export interface WeightedWord {
  text: string;
  weight: number;
}

/** A placed word: centre position and font size, in pixels. */
export interface PlacedWord {
  text: string;
  weight: number;
  x: number;
  y: number;
  fontSize: number;
  width: number;
  height: number;
}

/** Layout settings. */
export interface CloudOptions {
  width: number;
  height: number;
  minFont: number;
  maxFont: number;
  /** Width of `text` at `fontSize`. */
  measure(text: string, fontSize: number): number;
  padding?: number;
}

const CELL = 4;
const MAX_POINTS = 6000;
const FILL = 0.5;

/**
 * Occupancy of the area in 4-pixel cells with a summed-area table, so "is this box free?" is four
 * lookups. Boxes are widened to whole cells, so boxes that test free never overlap.
 */
class Occupancy {
  private readonly gw: number;
  private readonly gh: number;
  private readonly cells: Uint8Array;
  private readonly sums: Int32Array;

  constructor(width: number, height: number) {
    this.gw = Math.ceil(width / CELL);
    this.gh = Math.ceil(height / CELL);
    this.cells = new Uint8Array(this.gw * this.gh);
    this.sums = new Int32Array((this.gw + 1) * (this.gh + 1));
  }

  private range(x0: number, y0: number, x1: number, y1: number): [number, number, number, number] {
    return [
      Math.max(0, Math.floor(x0 / CELL)),
      Math.max(0, Math.floor(y0 / CELL)),
      Math.min(this.gw, Math.ceil(x1 / CELL)),
      Math.min(this.gh, Math.ceil(y1 / CELL)),
    ];
  }

  free(x0: number, y0: number, x1: number, y1: number): boolean {
    const [a, b, c, d] = this.range(x0, y0, x1, y1);
    const w = this.gw + 1;
    const s = this.sums;
    const covered = s[d * w + c]! - s[b * w + c]! - s[d * w + a]! + s[b * w + a]!;
    return covered === 0;
  }

  take(x0: number, y0: number, x1: number, y1: number): void {
    const [a, b, c, d] = this.range(x0, y0, x1, y1);
    for (let y = b; y < d; y++) this.cells.fill(1, y * this.gw + a, y * this.gw + c);
    // Only rows from the box down and columns from its left edge change.
    const w = this.gw + 1;
    const { cells, sums, gw } = this;
    for (let y = b; y < this.gh; y++) {
      let row = sums[(y + 1) * w + a]! - sums[y * w + a]!;
      for (let x = a; x < gw; x++) {
        row += cells[y * gw + x]!;
        sums[(y + 1) * w + x + 1] = sums[y * w + x + 1]! + row;
      }
    }
  }
}

/** Place as many words as fit, heaviest first; words that find no room are left out. */
export function layoutWordCloud(words: readonly WeightedWord[], o: CloudOptions): PlacedWord[] {
  const sorted = [...words].filter((w) => w.weight > 0).sort((a, b) => b.weight - a.weight);
  if (!sorted.length || o.width <= 0 || o.height <= 0) return [];
  const max = Math.sqrt(sorted[0]?.weight ?? 1);
  const min = Math.sqrt(sorted[sorted.length - 1]?.weight ?? 1);
  const pad = o.padding ?? 2;
  const sizeOf = (w: WeightedWord) => {
    const t = max === min ? 1 : (Math.sqrt(w.weight) - min) / (max - min);
    return o.minFont + t * (o.maxFont - o.minFont);
  };
  const area = sorted.reduce((a, w) => {
    const fs = sizeOf(w);
    return a + (o.measure(w.text, fs) + pad * 2) * (fs * 1.15 + pad * 2);
  }, 0);
  const scale = Math.min(1, Math.sqrt((FILL * o.width * o.height) / area));
  const placed: PlacedWord[] = [];
  const occupied = new Occupancy(o.width, o.height);
  const cx = o.width / 2;
  const cy = o.height / 2;
  const aspect = o.width / o.height;
  // Where the previous word landed: the next search starts a little inside it, not at the
  // centre, because the inner turns are already full.
  let lastAngle = 0;
  for (const w of sorted) {
    const fontSize = Math.max(10, Math.round(sizeOf(w) * scale));
    const width = o.measure(w.text, fontSize) + pad * 2;
    const height = fontSize * 1.15 + pad * 2;
    if (width > o.width || height > o.height) continue;
    // Arc-length steps of about a third of the word's height: fine enough to find gaps, coarse
    // enough that a crowded centre is crossed quickly.
    const stride = Math.max(4, height / 3);
    let angle = lastAngle * 0.7;
    for (let step = 0; step < MAX_POINTS; step++) {
      const r = 1.5 * angle;
      angle += Math.min(0.5, stride / Math.max(r, 1));
      const x = cx + r * Math.cos(angle) * aspect;
      const y = cy + r * Math.sin(angle);
      const x0 = x - width / 2;
      const y0 = y - height / 2;
      const x1 = x + width / 2;
      const y1 = y + height / 2;
      if (x0 < 0 || y0 < 0 || x1 > o.width || y1 > o.height) {
        if (r > Math.max(o.width, o.height)) break;
        continue;
      }
      if (!occupied.free(x0, y0, x1, y1)) continue;
      occupied.take(x0, y0, x1, y1);
      lastAngle = angle;
      placed.push({ text: w.text, weight: w.weight, x, y, fontSize, width, height });
      break;
    }
  }
  return placed;
}
