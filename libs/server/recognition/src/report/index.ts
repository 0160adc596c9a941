export { ReportModule } from './report.module';
export { AnnualFiguresService } from './annual-figures.service';
