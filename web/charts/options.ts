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
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: [...s.data],
      stack: stacked ? 'all' : undefined,
      barMaxWidth: 48,
      emphasis: { focus: 'series' },
    })),
  };
}

/** Horizontal bars for a ranked list (largest on top). */
export function rankedBarOption(labels: readonly string[], values: readonly number[], color = PALETTE[0], format?: (v: number) => string): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'value', ...AXIS, ...SPLIT },
    yAxis: { type: 'category', data: [...labels].reverse(), ...AXIS, axisLabel: { color: '#334155', width: 180, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        data: [...values].reverse(),
        itemStyle: { color, borderRadius: [0, 3, 3, 0] },
        barMaxWidth: 18,
        label: {
          show: true,
          position: 'right',
          color: '#64748b',
          fontSize: 11,
          formatter: format ? (p: { value: unknown }) => format(Number(p.value)) : undefined,
        },
      },
    ],
  };
}

/** Bars diverging from zero: `upFlags[i]` (default: value ≥ 0) picks the `up` or `down` colour. */
export function divergingBarOption(labels: readonly string[], values: readonly number[], up: string, down: string, upFlags?: readonly boolean[]): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'value', ...AXIS, ...SPLIT },
    yAxis: { type: 'category', data: [...labels].reverse(), ...AXIS },
    series: [
      {
        type: 'bar',
        barMaxWidth: 14,
        data: values.map((v, i) => ({ value: Number(v.toFixed(3)), itemStyle: { color: (upFlags?.[i] ?? v >= 0) ? up : down } })).reverse(),
      },
    ],
  };
}

/** What a column or point rests on, for tooltips and the marks of thin groups. */
export interface GroupSize {
  docs: number;
  chars: number;
  thin: boolean;
}

/** A heatmap of `rows` × `cols`; `cells` are [colIndex, rowIndex, value]. */
export function heatmapOption(
  cols: readonly string[],
  rows: readonly string[],
  cells: readonly [number, number, number][],
  opts: {
    max?: number;
    digits?: number;
    labelRotate?: number;
    /** Size of each column: thin columns are faded with a dashed border. */
    sizes?: readonly (GroupSize | undefined)[];
    /** Tooltip text of a cell (plain text, lines separated by \n). */
    tooltip?: (col: number, row: number, value: number) => string;
    /** Zoom sliders on both axes (large matrices). */
    zoom?: boolean;
  } = {},
): ChartOption {
  const max = opts.max ?? Math.max(1e-9, ...cells.map((c) => c[2]));
  const digits = opts.digits ?? 1;
  const tip = opts.tooltip;
  return {
    tooltip: {
      position: 'top',
      formatter: tip
        ? (p: unknown) => {
            const v = (p as { value: number[] }).value ?? [];
            return escapeHtml(tip(v[0] ?? 0, v[1] ?? 0, v[2] ?? 0)).replaceAll('\n', '<br>');
          }
        : undefined,
    },
    dataZoom: opts.zoom
      ? [
          { type: 'slider', xAxisIndex: 0, bottom: 28, height: 14, filterMode: 'empty' },
          { type: 'slider', yAxisIndex: 0, right: 0, width: 14, filterMode: 'empty' },
          { type: 'inside', xAxisIndex: 0, filterMode: 'empty' },
          { type: 'inside', yAxisIndex: 0, filterMode: 'empty' },
        ]
      : undefined,
    grid: { left: 8, right: opts.zoom ? 24 : 8, top: 8, bottom: opts.zoom ? 80 : 56, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: [...cols],
      splitArea: { show: true },
      ...AXIS,
      axisLabel: { color: '#475569', rotate: opts.labelRotate ?? 0, width: 120, overflow: 'truncate', interval: 0 },
    },
    yAxis: {
      type: 'category',
      data: [...rows],
      splitArea: { show: true },
      ...AXIS,
      axisLabel: { color: '#334155', width: 150, overflow: 'truncate', interval: 0 },
    },
    visualMap: {
      min: 0,
      max,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      itemWidth: 12,
      inRange: { color: ['#fff7ed', '#fdba74', '#ea580c', '#9a3412'] },
      textStyle: { color: '#64748b' },
    },
    series: [
      {
        type: 'heatmap',
        data: cells.map((c) => {
          const thin = opts.sizes?.[c[0]]?.thin;
          return {
            value: [...c],
            label: { color: c[2] > max * 0.55 && !thin ? '#ffffff' : '#1e293b' },
            itemStyle: thin ? { opacity: 0.35, borderType: 'dashed' as const, borderColor: '#64748b', borderWidth: 1 } : undefined,
          };
        }),
        emphasis: { itemStyle: { borderColor: '#0f172a', borderWidth: 1 } },
        label: {
          show: cells.length <= 400,
          fontSize: 10,
          formatter: (p: { value: unknown }) => {
            const v = (p.value as number[])[2] ?? 0;
            return v ? v.toFixed(digits) : '';
          },
        },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        cursor: 'pointer',
      },
    ],
  };
}

/**
 * Lines over shared x categories; with `sizes`, a thin bar chart of documents per category under the
 * lines, thin points hollow and faded, and the tooltip naming what each point rests on.
 */
export function lineOption(
  categories: readonly string[],
  series: readonly { name: string; data: readonly (number | null)[] }[],
  opts: {
    sizes?: readonly (GroupSize | undefined)[];
    /** Tooltip line for a category's size, e.g. "3 篇 · 7,262 字". */
    sizeText?: (s: GroupSize) => string;
    /** Name of the bar series (documents). */
    docsLabel?: string;
  } = {},
): ChartOption {
  const sizes = opts.sizes;
  const withBar = !!sizes;
  const fmt = (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : String(v ?? '–'));
  return {
    tooltip: {
      trigger: 'axis',
      formatter: (ps: unknown) => {
        const list = ps as { axisIndex?: number; dataIndex: number; seriesName: string; value: unknown; marker?: string; seriesType?: string }[];
        const i = list[0]?.dataIndex ?? 0;
        const size = sizes?.[i];
        const head = escapeHtml(String(categories[i] ?? ''));
        const lines = list.filter((p) => p.seriesType === 'line').map((p) => `${p.marker ?? ''}${escapeHtml(p.seriesName)}: ${fmt(p.value)}`);
        const n = size && opts.sizeText ? [`<span style="color:#64748b">${escapeHtml(opts.sizeText(size))}</span>`] : [];
        return [head, ...n, ...lines].join('<br>');
      },
    },
    legend: { top: 0, type: 'scroll', data: series.map((s) => s.name) },
    grid: withBar
      ? [
          { left: 8, right: 24, top: 40, bottom: 80, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
          { left: 8, right: 24, height: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
        ]
      : { left: 8, right: 24, top: 40, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: withBar
      ? [
          { type: 'category', data: [...categories], boundaryGap: false, ...AXIS },
          { type: 'category', gridIndex: 1, data: [...categories], ...AXIS, axisLabel: { show: false } },
        ]
      : { type: 'category', data: [...categories], boundaryGap: false, ...AXIS },
    yAxis: withBar
      ? [
          { type: 'value', ...AXIS, ...SPLIT },
          {
            type: 'value',
            gridIndex: 1,
            ...AXIS,
            axisLabel: { show: false },
            splitLine: { show: false },
            name: opts.docsLabel,
            nameLocation: 'middle',
            nameGap: 4,
            nameTextStyle: { color: '#94a3b8', fontSize: 10, align: 'left' },
          },
        ]
      : { type: 'value', ...AXIS, ...SPLIT },
    series: [
      ...series.map((s) => ({
        type: 'line' as const,
        name: s.name,
        smooth: false,
        symbolSize: 7,
        lineStyle: { width: 2.5 },
        emphasis: { focus: 'series' as const },
        data: s.data.map((v, i) => (sizes?.[i]?.thin ? { value: v, symbol: 'emptyCircle', symbolSize: 9, itemStyle: { opacity: 0.45 } } : v)),
      })),
      ...(sizes
        ? [
            {
              type: 'bar' as const,
              name: opts.docsLabel ?? 'n',
              xAxisIndex: 1,
              yAxisIndex: 1,
              barMaxWidth: 24,
              silent: true,
              data: sizes.map((s) => ({ value: s?.docs ?? 0, itemStyle: { color: s?.thin ? '#fca5a5' : '#cbd5e1' } })),
              label: {
                show: true,
                position: 'insideBottom' as const,
                fontSize: 9,
                color: '#475569',
                formatter: (p: { value: unknown }) => `n=${String(p.value)}`,
              },
            },
          ]
        : []),
    ],
  };
}

/** A network: nodes sized by `size`, coloured by `category`; edges weighted by `weight`. */
export function graphOption(
  nodes: readonly { id: string; name: string; size: number; category: number; tooltip: string }[],
  edges: readonly { source: string; target: string; weight: number; tooltip: string; color?: string; arrow?: boolean }[],
  categories: readonly string[],
): ChartOption {
  const maxSize = Math.max(1, ...nodes.map((n) => n.size));
  const maxW = Math.max(1, ...edges.map((e) => e.weight));
  return {
    tooltip: { formatter: (p: unknown) => escapeHtml(String((p as { data?: { tooltip?: string } }).data?.tooltip ?? '')).replaceAll('\n', '<br>') },
    legend: { top: 0, type: 'scroll', data: [...categories] },
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        force: { repulsion: 120, edgeLength: [30, 140], gravity: 0.08 },
        categories: categories.map((name) => ({ name })),
        label: { show: nodes.length <= 60, position: 'right', fontSize: 10, color: '#334155' },
        labelLayout: { hideOverlap: true },
        emphasis: { focus: 'adjacency', lineStyle: { width: 4 } },
        data: nodes.map((n) => ({ id: n.id, name: n.name, category: n.category, symbolSize: 6 + 24 * Math.sqrt(n.size / maxSize), tooltip: n.tooltip })),
        links: edges.map((e) => ({
          source: e.source,
          target: e.target,
          tooltip: e.tooltip,
          value: e.weight,
          lineStyle: { width: 0.5 + 5 * Math.sqrt(e.weight / maxW), opacity: 0.6, color: e.color ?? '#94a3b8' },
          symbol: e.arrow ? ['none', 'arrow'] : ['none', 'none'],
          symbolSize: 8,
        })),
      },
    ],
  };
}

/** Text made safe inside a tooltip's HTML. */
export function escapeHtml(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
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
