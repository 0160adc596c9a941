export { MinutesModule } from './minutes.module';
