export { openAssigneeIds, isOpenAssignee } from './assignees';
