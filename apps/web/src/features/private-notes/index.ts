export { PrivateNotesPanel } from './PrivateNotesPanel';
