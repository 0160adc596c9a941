export { AttachmentsModule } from './attachments.module';
export { AttachmentsService, MAX_ATTACHMENTS_PER_IDEA } from './attachments.service';
export * from './attachment-content';
export * from './attachments.dto';
