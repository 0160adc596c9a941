import { can, holdsRole, type Actor } from '@eclore/domain';
import { navigationFor } from '../../navigation/navigation';
import { CommitteeSection } from './CommitteeSection';
import { DirectorySection } from './DirectorySection';
import { LateSection } from './LateSection';
import { MyIdeasSection } from './MyIdeasSection';
import { OpenCallsSection } from './OpenCallsSection';
import { ProposeAction } from './ProposeAction';
import { ReviewSection } from './ReviewSection';
import { LateFieldReviews, MyFieldReviews } from '../../features/realisation';

/**
 * The signed-in home: the sections this person's roles open, each read from the API's own lists.
 * A section for a role the person does not hold is never rendered (nor its request sent).
 */
export function PersonalHome({ actor }: { actor: Actor }) {
  // The idea workflow is the menu's "my ideas" audience: everyone but a guardian-only account.
  const proposes = navigationFor(actor, new Set(['/my-ideas'])).length > 0;
  return (
    <>
      {proposes ? <ProposeAction /> : null}
      <div className="ec-home">
        {proposes ? <MyIdeasSection /> : null}
        <MyFieldReviews />
        {proposes ? <OpenCallsSection /> : null}
        {can(actor, 'qualification.read_queue') ? <ReviewSection /> : null}
        {can(actor, 'deadline.read_late') ? <LateSection /> : null}
        {can(actor, 'deadline.read_late') ? <LateFieldReviews /> : null}
        {holdsRole(actor, 'committee_member') ? <CommitteeSection /> : null}
        {can(actor, 'directory.read_imports') ? <DirectorySection /> : null}
      </div>
    </>
  );
}
