// The recharts parts the app draws with, as one module: charts.tsx imports it dynamically, so the
// bundler keeps only these exports (a dynamic import of 'recharts' itself would keep all of it).
export {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts';
