// Types of web-budget-lib.cjs, for its spec.
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;
export type LoadKind = 'entry' | 'route' | 'editor' | 'charts';
export type Budgets = Record<LoadKind, number>;
export interface Load {
  name: string;
  kind: LoadKind;
  files: string[];
  bytes: number;
  budgetKb: number;
  overBudget: boolean;
}
export declare const BUDGETS_KB: Readonly<Budgets>;
export declare function staticClosure(manifest: Manifest, key: string): Set<string>;
export declare function measure(manifest: Manifest, sizeOf: (file: string) => number, budgetsKb?: Budgets): Load[];
export declare function report(loads: readonly Load[]): string;
