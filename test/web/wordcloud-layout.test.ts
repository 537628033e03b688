/** The word-cloud layout places heavy words big and never lets two boxes overlap. */
import { describe, expect, it } from 'vitest';
import { layoutWordCloud } from '../../web/charts/wordcloud-layout';

const measure = (text: string, size: number) => text.length * size;

describe('layoutWordCloud', () => {
  const words = Array.from({ length: 80 }, (_, i) => ({ text: `词${'语'.repeat(i % 3)}`.slice(0, 2 + (i % 2)) + String(i), weight: 100 - i }));
  const placed = layoutWordCloud(words, { width: 600, height: 300, minFont: 10, maxFont: 40, measure });

  it('puts the heaviest word in the middle at the largest size', () => {
    expect(placed[0]).toMatchObject({ text: words[0]?.text, x: 300, y: 150 });
    expect(placed[0]?.fontSize).toBeGreaterThan(placed.at(-1)?.fontSize ?? 99);
    for (let i = 1; i < placed.length; i++) expect(placed[i]?.fontSize).toBeLessThanOrEqual(placed[i - 1]?.fontSize ?? 0);
  });

  it('keeps every word inside the area and apart from the others', () => {
    expect(placed.length).toBeGreaterThan(30);
    for (const [i, a] of placed.entries()) {
      expect(a.x - a.width / 2).toBeGreaterThanOrEqual(0);
      expect(a.x + a.width / 2).toBeLessThanOrEqual(600);
      for (const b of placed.slice(i + 1)) {
        const apart = Math.abs(a.x - b.x) * 2 >= a.width + b.width - 1e-9 || Math.abs(a.y - b.y) * 2 >= a.height + b.height - 1e-9;
        expect(apart).toBe(true);
      }
    }
  });

  it('handles no words and equal weights', () => {
    expect(layoutWordCloud([], { width: 10, height: 10, minFont: 1, maxFont: 2, measure })).toEqual([]);
    const same = layoutWordCloud(
      [
        { text: 'a', weight: 1 },
        { text: 'b', weight: 1 },
      ],
      { width: 100, height: 100, minFont: 10, maxFont: 20, measure },
    );
    expect(same.map((w) => w.fontSize)).toEqual([20, 20]);
  });

  it('lays out 150 words in well under a frame budget', () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ text: '意识形态工作'.slice(0, 2 + (i % 4)), weight: 150 - i }));
    const opts = { width: 640, height: 520, minFont: 12, maxFont: 56, measure };
    // Best of five, so a busy machine does not fail it; the spiral search without the occupancy
    // grid took 150-400 ms here.
    const times: number[] = [];
    let out = layoutWordCloud(many, opts);
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      out = layoutWordCloud(many, opts);
      times.push(performance.now() - t0);
    }
    expect(Math.min(...times)).toBeLessThan(50);
    expect(out.length).toBeGreaterThan(100);
  });
});
