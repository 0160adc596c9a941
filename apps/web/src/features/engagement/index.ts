export { EngagementPanel } from './EngagementPanel';
export { MentionPicker } from './MentionPicker';
export { textToHtml } from './CommentsThread';
export { TextArea } from './TextArea';
