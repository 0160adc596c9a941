import type { IdeaDto } from '@eclore/api-client';
import { EngagementPanel } from '../engagement';
import { AttachmentsPanel } from '../attachments';
import { IdeaReviewersPanel } from '../review-queue';
import { PrivateNotesPanel } from '../private-notes';
import { QualificationPanel } from '../qualification';
import { IdeaCommandButtons, RealisationPanel } from '../realisation';
import { PublicRecognitionsPanel } from '../recognition';

/**
 * The idea page's slot for what the engagement and attachments features add (supports, comments,
 * follows, attachments, similar ideas). Each owner adds its component to EXTENSIONS in its own
 * line; the core page renders them in order, below the idea and above its history.
 */
export type IdeaExtension = (props: { idea: IdeaDto }) => React.ReactNode;

export const EXTENSIONS: readonly IdeaExtension[] = [
  IdeaReviewersPanel,
  QualificationPanel,
  IdeaCommandButtons,
  RealisationPanel,
  AttachmentsPanel,
  EngagementPanel,
  PrivateNotesPanel,
  PublicRecognitionsPanel,
];

export function IdeaExtensions({ idea }: { idea: IdeaDto }) {
  if (EXTENSIONS.length === 0) return null;
  return (
    <div className="ec-idea__extensions">
      {EXTENSIONS.map((Extension, i) => (
        <Extension key={i} idea={idea} />
      ))}
    </div>
  );
}
