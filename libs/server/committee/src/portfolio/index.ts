export { PortfolioModule } from './portfolio.module';
export { PortfolioProgressSources, type PortfolioProgress, type PortfolioProgressSource } from './portfolio-progress';
