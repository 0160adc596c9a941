export { PortfolioModule } from './portfolio.module';
