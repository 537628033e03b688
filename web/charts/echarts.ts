/** ECharts, tree-shaken: only the charts, components and renderer the dashboard uses. */
import {
  BarChart,
  GraphChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  type BarSeriesOption,
  type GraphSeriesOption,
  type HeatmapSeriesOption,
  type LineSeriesOption,
  type ScatterSeriesOption,
} from 'echarts/charts';
import {
  DataZoomComponent,
  DatasetComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  type DataZoomComponentOption,
  type DatasetComponentOption,
  type GraphicComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { use as registerParts, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

registerParts([
  BarChart,
  LineChart,
  HeatmapChart,
  GraphChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  DatasetComponent,
  GraphicComponent,
  DataZoomComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

/** The option type of every chart the dashboard draws. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | HeatmapSeriesOption
  | GraphSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | VisualMapComponentOption
  | DatasetComponentOption
  | GraphicComponentOption
  | DataZoomComponentOption
  | MarkLineComponentOption
>;

/** Chart creation and the instance type, from the tree-shaken core. */
export { init, type ECharts } from 'echarts/core';

/** Series colours, in order. */
export const PALETTE = ['#b42318', '#2563eb', '#d97706', '#0f766e', '#7c3aed', '#64748b', '#db2777', '#65a30d', '#0891b2', '#a16207', '#4338ca', '#be123c'];

/** Text and grid colours shared by every chart. */
export const CHART_TEXT = { color: '#334155', fontFamily: 'system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif' };
