export { openAssigneeIds, isOpenAssignee } from './assignees';
export { RoutingModule } from './routing.module';
export { endAssignmentsOnLeave } from './routing.service';
