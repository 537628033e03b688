/**
 * One ECharts instance per container: created on mount, resized with its box, disposed on unmount,
 * fed a new option whenever it changes. The container's `data-draw-count` goes up when a new option
 * is first painted and `data-render-count` when its animation has finished, so tests and the
 * benchmark can tell when a chart shows new data; the first paint of the page is marked as
 * `performance.mark('reportscope:first-chart')`.
 */
import { useEffect, useRef } from 'react';
import { CHART_TEXT, init, PALETTE, type ChartOption, type ECharts } from './echarts';

/** The performance mark set when the first chart of the page is painted. */
const FIRST_CHART_MARK = 'reportscope:first-chart';

/** A clicked data item: its series and data index and the item's value. */
export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
  value: unknown;
  name: string;
  /** `node` or `edge` in a graph. */
  dataType?: string;
  /** The clicked item as given in the option (a graph edge's `source` and `target`). */
  data?: unknown;
}

/**
 * Feed `option` to the chart unless it already shows it (`shown` holds what it shows). Only a
 * chart's first data is animated: new data (a filter change) replaces the old at once, since
 * animation frames on the main thread would hold back the charts still to be repainted.
 */
function apply(c: ECharts, el: HTMLElement, option: ChartOption | null, shown: { current: ChartOption | null | undefined }): void {
  if (shown.current === option) return;
  const first = !shown.current;
  shown.current = option;
  if (!option) {
    c.clear();
    return;
  }
  el.dataset.pending = '1';
  c.setOption({ color: PALETTE, textStyle: CHART_TEXT, animation: first, animationDuration: 300, ...option }, { notMerge: true });
}

/** Attach a chart to the returned ref; `option` null leaves it empty. */
export function useChart(option: ChartOption | null, onClick?: (e: ChartClick) => void) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const optionRef = useRef(option);
  optionRef.current = option;
  // what the chart shows: a chart created with the current option is not fed it again
  const shown = useRef<ChartOption | null | undefined>(undefined);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let renders = 0;
    let draws = 0;
    // ECharts needs a box with a size: the chart is created once the element has one (a card may
    // start hidden, e.g. while its data table is shown).
    const ensure = (): ECharts | null => {
      if (chart.current) return chart.current;
      if (!el.clientWidth || !el.clientHeight) return null;
      const c = init(el, null, { renderer: 'canvas' });
      chart.current = c;
      c.on('rendered', () => {
        if (el.dataset.pending !== '1') return;
        delete el.dataset.pending;
        draws += 1;
        el.dataset.drawCount = String(draws);
        if (!performance.getEntriesByName(FIRST_CHART_MARK).length) performance.mark(FIRST_CHART_MARK);
      });
      c.on('finished', () => {
        renders += 1;
        el.dataset.renderCount = String(renders);
      });
      c.on('click', (e) => {
        const p = e as unknown as ChartClick;
        clickRef.current?.({ seriesIndex: p.seriesIndex, dataIndex: p.dataIndex, value: p.value, name: p.name, dataType: p.dataType, data: p.data });
      });
      apply(c, el, optionRef.current, shown);
      return c;
    };
    const ro = new ResizeObserver(() => {
      if (el.clientWidth && el.clientHeight) ensure()?.resize();
    });
    ro.observe(el);
    ensure();
    return () => {
      ro.disconnect();
      chart.current?.dispose();
      chart.current = null;
      shown.current = undefined;
    };
  }, []);

  useEffect(() => {
    if (chart.current && ref.current) apply(chart.current, ref.current, option, shown);
  }, [option]);

  return { ref, chart };
}
