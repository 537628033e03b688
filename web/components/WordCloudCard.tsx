/** A word cloud drawn by ECharts from our own layout, sized to its card. */
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { CHART_TEXT, type ChartOption } from '../charts/echarts';
import { wordCloudOption } from '../charts/options';
import { layoutWordCloud, type WeightedWord } from '../charts/wordcloud-layout';
import type { TableData } from '../export/table-data';
import { ChartCard } from './ChartCard';

/** Layouts already computed, by size and word list (a filter set again shows the same cloud). */
const layouts = new Map<string, ChartOption>();
const MAX_LAYOUTS = 40;

/** Width of each character at 1px, measured once: text width scales with font size. */
const charWidths = new Map<string, number>();
let ctx: CanvasRenderingContext2D | null | undefined;

function measure(text: string, fontSize: number): number {
  let width = 0;
  for (const ch of text) {
    let w = charWidths.get(ch);
    if (w === undefined) {
      if (ctx === undefined) {
        ctx = document.createElement('canvas').getContext('2d');
        if (ctx) ctx.font = `bold 100px ${CHART_TEXT.fontFamily}`;
      }
      w = ctx ? ctx.measureText(ch).width / 100 : 1;
      charWidths.set(ch, w);
    }
    width += w;
  }
  return width * fontSize;
}

/** The cloud card. */
export function WordCloudCard({
  title,
  words,
  data,
  name,
  height = 320,
  testId,
}: {
  title: string;
  words: readonly WeightedWord[];
  data: TableData;
  name: string;
  height?: number;
  testId?: string;
}) {
  const probe = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = probe.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.round(el.clientWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // The cloud is laid out after the rest of the page has taken the new data.
  const deferredWords = useDeferredValue(words);
  const option = useMemo(() => {
    const words = deferredWords;
    if (!width || !words.length) return null;
    const key = `${width}x${height}|${words.map((w) => `${w.text}:${w.weight}`).join('|')}`;
    const hit = layouts.get(key);
    if (hit) return hit;
    const maxFont = Math.max(22, Math.min(56, Math.round(Math.sqrt((width * height) / 90))));
    const placed = layoutWordCloud(words, { width, height, minFont: 12, maxFont, measure });
    const option = wordCloudOption(placed, CHART_TEXT.fontFamily);
    layouts.set(key, option);
    if (layouts.size > MAX_LAYOUTS) layouts.delete(layouts.keys().next().value as string);
    return option;
  }, [deferredWords, width, height]);
  return (
    <ChartCard title={title} option={option} data={data} name={name} height={height} testId={testId}>
      <div ref={probe} className="measure" />
    </ChartCard>
  );
}
