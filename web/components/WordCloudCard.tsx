/** A word cloud drawn by ECharts from our own layout, sized to its card. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { CHART_TEXT } from '../charts/echarts';
import { wordCloudOption } from '../charts/options';
import { layoutWordCloud, type WeightedWord } from '../charts/wordcloud-layout';
import type { TableData } from '../export/table-data';
import { ChartCard } from './ChartCard';

let canvas: HTMLCanvasElement | null = null;
function measure(text: string, fontSize: number): number {
  canvas ??= document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return text.length * fontSize;
  ctx.font = `bold ${fontSize}px ${CHART_TEXT.fontFamily}`;
  return ctx.measureText(text).width;
}

/** The cloud card. */
export function WordCloudCard({ title, words, data, name, height = 320, testId }: {
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
  const option = useMemo(() => {
    if (!width || !words.length) return null;
    const maxFont = Math.max(22, Math.min(56, Math.round(Math.sqrt((width * height) / 90))));
    const placed = layoutWordCloud(words, { width, height, minFont: 12, maxFont, measure });
    return wordCloudOption(placed, CHART_TEXT.fontFamily);
  }, [words, width, height]);
  return (
    <ChartCard title={title} option={option} data={data} name={name} height={height} testId={testId}>
      <div ref={probe} className="measure" />
    </ChartCard>
  );
}
