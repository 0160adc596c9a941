import { CommitteeAgendaItem } from './committee-agenda-item.entity';
import { CommitteeSession } from './committee-session.entity';
import { CommitteeSessionMember } from './committee-session-member.entity';

export { CommitteeAgendaItem, CommitteeSession, CommitteeSessionMember };

/** The committee context's tables; each submodule adds its entities here. */
export const COMMITTEE_ENTITIES: (new (...args: never[]) => object)[] = [
  CommitteeSession,
  CommitteeSessionMember,
  CommitteeAgendaItem,
];
