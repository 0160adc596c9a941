export { RecognitionDueModule, RecognitionWorkflowModule } from './recognition.module';
export { RecognitionDueOpener } from './recognition-due.service';
export { RecognitionRepository } from './recognition.repository';
export { RECOGNITION_RECORDED_EVENT } from './recognition-commands.service';
