import { Suspense, lazy, use, type ComponentProps, type ReactElement } from 'react';
import type * as Recharts from './chart-parts';

/*
 * The chart parts, loaded with the first chart drawn. recharts and its dependencies (d3, redux) are
 * the largest modules of the web app: imported statically, even through this library's index, they
 * ended up in the entry chunk and loaded on the sign-in page. Through these wrappers they are one
 * chunk that only the screens drawing a chart fetch.
 *
 * Only `ResponsiveContainer` waits for the library (its Suspense boundary leaves the box the screen
 * reserved empty meanwhile); the parts inside it find the library loaded and render the real
 * component at once. Parts that suspended inside a drawn chart would hide it and make recharts
 * unregister them (its store then re-renders without end), so always draw inside ResponsiveContainer.
 * Plain function components, never React.lazy objects: recharts keeps a graphical item's children
 * (a `LabelList` in a `Scatter`) in its immer store, which freezes them.
 */

let library: Promise<typeof Recharts> | undefined;
let loaded: typeof Recharts | undefined;
/** One request for all parts, whichever renders first. */
function loadCharts(): Promise<typeof Recharts> {
  library ??= import('./chart-parts').then((parts) => (loaded = parts));
  return library;
}

/** The loaded library; suspends until then. */
function useCharts(): typeof Recharts {
  return loaded ?? use(loadCharts());
}

/** Whatever React accepts as a component (React.lazy's own constraint, without restating it). */
type Component = Awaited<ReturnType<Parameters<typeof lazy>[0]>>['default'];

function part<T extends Component>(pick: (parts: typeof Recharts) => T): (props: ComponentProps<T>) => ReactElement {
  return function ChartPart(props) {
    const Part: Component = pick(useCharts());
    return <Part {...props} />;
  };
}

export const Bar = part((r) => r.Bar);
export const BarChart = part((r) => r.BarChart);
export const CartesianGrid = part((r) => r.CartesianGrid);
export const LabelList = part((r) => r.LabelList);
export const Legend = part((r) => r.Legend);
export const Scatter = part((r) => r.Scatter);
export const ScatterChart = part((r) => r.ScatterChart);
export const XAxis = part((r) => r.XAxis);
export const YAxis = part((r) => r.YAxis);
export const ZAxis = part((r) => r.ZAxis);

const ResponsiveContainerPart = part((r) => r.ResponsiveContainer);

/**
 * recharts' ResponsiveContainer behind a Suspense boundary. The caller reserves the drawing's box
 * (a fixed height on the parent), so nothing moves when the chart arrives.
 */
export function ResponsiveContainer(props: ComponentProps<typeof Recharts.ResponsiveContainer>) {
  return (
    <Suspense fallback={null}>
      <ResponsiveContainerPart {...props} />
    </Suspense>
  );
}
