export { OutcomesModule } from './outcomes.module';
