export { RealisationPanel } from './RealisationPanel';
