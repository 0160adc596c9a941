import { IdeaAttachment } from './attachment.entity';
import { Campaign } from './campaign.entity';
import { CampaignPhase } from './campaign-phase.entity';
import { IdeaComment } from './comment.entity';
import { ContentReport } from './content-report.entity';
import { IdeaFollow } from './follow.entity';
import { Idea } from './idea.entity';
import { IdeaAuthor } from './idea-author.entity';
import { IdeaEvent } from './idea-event.entity';
import { IdeaLink } from './idea-link.entity';
import { Support } from './support.entity';
import { Theme } from './theme.entity';

export {
  IdeaAttachment,
  Campaign,
  CampaignPhase,
  IdeaComment,
  ContentReport,
  IdeaFollow,
  Idea,
  IdeaAuthor,
  IdeaEvent,
  IdeaLink,
  Support,
  Theme,
};
export type { SubmissionRules } from './campaign.entity';
export type { IdeaKindColumn, IdeaStatusColumn } from './idea.entity';

export const IDEAS_ENTITIES = [
  Theme,
  Campaign,
  CampaignPhase,
  Idea,
  IdeaAuthor,
  IdeaLink,
  Support,
  IdeaFollow,
  IdeaComment,
  ContentReport,
  IdeaEvent,
  IdeaAttachment,
];
