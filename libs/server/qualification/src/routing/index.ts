export { openAssigneeIds, isOpenAssignee } from './routing.repository';
export { RoutingModule } from './routing.module';
export { endAssignmentsOnLeave } from './auto-routing.service';
