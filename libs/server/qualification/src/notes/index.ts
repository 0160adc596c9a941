export { PrivateNotesModule } from './notes.module';
