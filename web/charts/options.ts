/** Builders for the few chart shapes the dashboard draws, with one consistent look. */
import type { ChartOption } from './echarts';
import type { PlacedWord } from './wordcloud-layout';
import { PALETTE } from './echarts';

const AXIS = { axisLine: { lineStyle: { color: '#cbd5e1' } }, axisTick: { show: false }, axisLabel: { color: '#475569' } };
const SPLIT = { splitLine: { lineStyle: { color: '#eef2f6' } } };

/** Vertical bars, one series per entry of `series`, optionally stacked. */
export function barOption(categories: readonly string[], series: readonly { name: string; data: readonly (number | null)[] }[], stacked: boolean): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: series.length > 1 ? { top: 0, type: 'scroll' } : undefined,
    grid: { left: 8, right: 16, top: series.length > 1 ? 36 : 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: [...categories], ...AXIS },
    yAxis: { type: 'value', ...AXIS, ...SPLIT },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: [...s.data], stack: stacked ? 'all' : undefined, barMaxWidth: 48, emphasis: { focus: 'series' } })),
  };
}

/** Horizontal bars for a ranked list (largest on top). */
export function rankedBarOption(labels: readonly string[], values: readonly number[], color = PALETTE[0], format?: (v: number) => string): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'value', ...AXIS, ...SPLIT },
    yAxis: { type: 'category', data: [...labels].reverse(), ...AXIS, axisLabel: { color: '#334155', width: 180, overflow: 'truncate' } },
    series: [{
      type: 'bar', data: [...values].reverse(), itemStyle: { color, borderRadius: [0, 3, 3, 0] }, barMaxWidth: 18,
      label: { show: true, position: 'right', color: '#64748b', fontSize: 11, formatter: format ? (p: { value: unknown }) => format(Number(p.value)) : undefined },
    }],
  };
}

/** Bars diverging from zero: positive values in `up` colour, negative in `down`. */
export function divergingBarOption(labels: readonly string[], values: readonly number[], up: string, down: string): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'value', ...AXIS, ...SPLIT },
    yAxis: { type: 'category', data: [...labels].reverse(), ...AXIS },
    series: [{
      type: 'bar', barMaxWidth: 14,
      data: [...values].reverse().map((v) => ({ value: Number(v.toFixed(3)), itemStyle: { color: v >= 0 ? up : down } })),
    }],
  };
}

/** A heatmap of `rows` × `cols`; `cells` are [colIndex, rowIndex, value]. */
export function heatmapOption(cols: readonly string[], rows: readonly string[], cells: readonly [number, number, number][], opts: { max?: number; digits?: number; labelRotate?: number } = {}): ChartOption {
  const max = opts.max ?? Math.max(1e-9, ...cells.map((c) => c[2]));
  const digits = opts.digits ?? 1;
  return {
    tooltip: { position: 'top' },
    grid: { left: 8, right: 8, top: 8, bottom: 56, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: [...cols], splitArea: { show: true }, ...AXIS, axisLabel: { color: '#475569', rotate: opts.labelRotate ?? 0, width: 120, overflow: 'truncate', interval: 0 } },
    yAxis: { type: 'category', data: [...rows], splitArea: { show: true }, ...AXIS, axisLabel: { color: '#334155', width: 150, overflow: 'truncate', interval: 0 } },
    visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 160, itemWidth: 12, inRange: { color: ['#fff7ed', '#fdba74', '#ea580c', '#9a3412'] }, textStyle: { color: '#64748b' } },
    series: [{
      type: 'heatmap',
      data: cells.map((c) => ({ value: [...c], label: { color: c[2] > max * 0.55 ? '#ffffff' : '#1e293b' } })),
      emphasis: { itemStyle: { borderColor: '#0f172a', borderWidth: 1 } },
      label: { show: cells.length <= 240, fontSize: 10, formatter: (p: { value: unknown }) => { const v = (p.value as number[])[2] ?? 0; return v ? v.toFixed(digits) : ''; } },
      itemStyle: { borderColor: '#fff', borderWidth: 1 }, cursor: 'pointer',
    }],
  };
}

/** Lines over shared x categories. */
export function lineOption(categories: readonly string[], series: readonly { name: string; data: readonly (number | null)[] }[]): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? v.toFixed(2) : String(v)) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 24, top: 40, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: [...categories], boundaryGap: false, ...AXIS },
    yAxis: { type: 'value', ...AXIS, ...SPLIT },
    series: series.map((s) => ({ type: 'line', name: s.name, data: [...s.data], smooth: false, symbolSize: 7, lineStyle: { width: 2.5 }, emphasis: { focus: 'series' } })),
  };
}

/** Placed words drawn as graphic text elements (so the cloud exports as PNG like any chart). */
export function wordCloudOption(words: readonly PlacedWord[], fontFamily: string): ChartOption {
  return {
    graphic: {
      elements: words.map((w, i) => ({
        type: 'text',
        x: w.x,
        y: w.y,
        style: {
          text: w.text,
          fontSize: w.fontSize,
          fontFamily,
          fontWeight: i < 8 ? 'bold' : 'normal',
          fill: PALETTE[i % PALETTE.length],
          align: 'center',
          verticalAlign: 'middle',
          opacity: 0.55 + 0.45 * (w.fontSize / (words[0]?.fontSize ?? w.fontSize)),
        },
      })),
    },
  };
}
