export { MyRecognitionsPanel } from './MyRecognitionsPanel';
export { PublicRecognitionsPanel } from './PublicRecognitionsPanel';
