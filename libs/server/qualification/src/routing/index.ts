export { openAssigneeIds, isOpenAssignee } from '../shared/assignees';
export { RoutingModule } from './routing.module';
export { endAssignmentsOnLeave } from './auto-routing.service';
