/**
 * Word-cloud layout without a plugin: words sorted by weight, font size by square root of weight,
 * each placed at the first point of an Archimedean spiral where its box overlaps no placed box.
 * Pure: text widths come from the `measure` function, so it runs and tests without a canvas.
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

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Place as many words as fit, heaviest first; words that find no room are left out. */
export function layoutWordCloud(words: readonly WeightedWord[], o: CloudOptions): PlacedWord[] {
  const sorted = [...words].filter((w) => w.weight > 0).sort((a, b) => b.weight - a.weight);
  if (!sorted.length) return [];
  const max = Math.sqrt(sorted[0]?.weight ?? 1);
  const min = Math.sqrt(sorted[sorted.length - 1]?.weight ?? 1);
  const pad = o.padding ?? 2;
  const placed: PlacedWord[] = [];
  const boxes: Box[] = [];
  const cx = o.width / 2;
  const cy = o.height / 2;
  const aspect = o.width / Math.max(1, o.height);
  for (const w of sorted) {
    const t = max === min ? 1 : (Math.sqrt(w.weight) - min) / (max - min);
    const fontSize = Math.round(o.minFont + t * (o.maxFont - o.minFont));
    const width = o.measure(w.text, fontSize) + pad * 2;
    const height = fontSize * 1.15 + pad * 2;
    for (let angle = 0, r = 0; ; angle += Math.min(0.5, 6 / Math.max(r, 1))) {
      r = 1.5 * angle;
      const x = cx + r * Math.cos(angle) * aspect;
      const y = cy + r * Math.sin(angle);
      const box = { x0: x - width / 2, y0: y - height / 2, x1: x + width / 2, y1: y + height / 2 };
      if (box.x0 < 0 || box.y0 < 0 || box.x1 > o.width || box.y1 > o.height) {
        if (r > Math.max(o.width, o.height)) break;
        continue;
      }
      if (boxes.some((b) => overlaps(b, box))) continue;
      boxes.push(box);
      placed.push({ text: w.text, weight: w.weight, x, y, fontSize, width, height });
      break;
    }
  }
  return placed;
}
