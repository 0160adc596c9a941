import { Suspense, lazy, type ComponentProps, type LazyExoticComponent } from 'react';
import type * as Recharts from './chart-parts';

/*
 * The chart parts, loaded with the first chart drawn. recharts and its dependencies (d3, redux) are
 * the largest modules of the web app: imported statically, even through this library's index, they
 * ended up in the entry chunk and loaded on the sign-in page. Through these wrappers they are one
 * chunk that only the screens drawing a chart fetch.
 *
 * recharts 3 assembles a chart through context, not by inspecting its children's types (only `Cell`
 * is looked up by type, so it is deliberately not offered here), which is what lets each part be
 * lazy on its own. Always draw inside `ResponsiveContainer`: it holds the Suspense boundary, so a
 * loading chart leaves its reserved box empty instead of suspending the whole page.
 */

let library: Promise<typeof Recharts> | undefined;
/** One request for all parts, whichever renders first. */
function loadCharts(): Promise<typeof Recharts> {
  library ??= import('./chart-parts');
  return library;
}

/** Whatever React.lazy accepts as a component (its own constraint, without restating it). */
type Lazyable = Awaited<ReturnType<Parameters<typeof lazy>[0]>>['default'];

function lazyPart<T extends Lazyable>(pick: (parts: typeof Recharts) => T): LazyExoticComponent<T> {
  return lazy(async () => ({ default: pick(await loadCharts()) }));
}

export const Bar = lazyPart((r) => r.Bar);
export const BarChart = lazyPart((r) => r.BarChart);
export const CartesianGrid = lazyPart((r) => r.CartesianGrid);
export const LabelList = lazyPart((r) => r.LabelList);
export const Legend = lazyPart((r) => r.Legend);
export const Scatter = lazyPart((r) => r.Scatter);
export const ScatterChart = lazyPart((r) => r.ScatterChart);
export const XAxis = lazyPart((r) => r.XAxis);
export const YAxis = lazyPart((r) => r.YAxis);
export const ZAxis = lazyPart((r) => r.ZAxis);

const LazyResponsiveContainer = lazyPart((r) => r.ResponsiveContainer);

/**
 * recharts' ResponsiveContainer behind a Suspense boundary. The caller reserves the drawing's box
 * (a fixed height on the parent), so nothing moves when the chart arrives.
 */
export function ResponsiveContainer(props: ComponentProps<typeof Recharts.ResponsiveContainer>) {
  return (
    <Suspense fallback={null}>
      <LazyResponsiveContainer {...props} />
    </Suspense>
  );
}
