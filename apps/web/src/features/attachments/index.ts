export { AttachmentsPanel } from './AttachmentsPanel';
export { uploadAttachment, formatBytes } from './upload';
