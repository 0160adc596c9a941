/** What the report is made of: the figures API's shapes (one source for the report, dashboard and API). */
export type { AnnualFiguresDto } from '../report/report.dto';

export interface OrgUnitRefLike {
  id: string;
  code: string;
  name: string;
}
