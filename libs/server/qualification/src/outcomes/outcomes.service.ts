import { Injectable } from '@nestjs/common';
import { Conflict, type Actor } from '@eclore/domain';
import { answerForAuthors, IdeaAccess, type IdeaDto } from '@eclore/server-ideas';
import { hasSubmittedScorecard } from '../scorecards/scorecards.repository';

/**
 * The outcomes of qualification, each with the reasoned answer the authors (and, once the idea is
 * public, its followers) read: qualified (to the committee), needs rework (back to the authors with
 * guidance), declined. Merging is the engagement module's `merge`. The lifecycle table decides who
 * may and from which status; leaving qualification ends the assignments and the deadlines through
 * the command hooks.
 */
@Injectable()
export class OutcomesService {
  constructor(private readonly ideas: IdeaAccess) {}

  qualify(actor: Actor, id: string, answer: string, version?: number): Promise<IdeaDto> {
    return this.ideas.runCommand(
      actor,
      id,
      { type: 'qualify', answer },
      {
        expectedVersion: version,
        effects: async (manager) => {
          // The committee ranks by the weighted score: an idea reaches it with at least one scorecard.
          const scored = await hasSubmittedScorecard(manager, id);
          if (!scored) {
            throw new Conflict('no_scorecard', 'Submit at least one scorecard before qualifying the idea.');
          }
        },
      },
    );
  }

  requestRework(actor: Actor, id: string, guidance: string, version?: number): Promise<IdeaDto> {
    return this.ideas.runCommand(
      actor,
      id,
      { type: 'request_rework', guidance },
      { expectedVersion: version, extraColumns: answerForAuthors('guidance', guidance) },
    );
  }

  decline(actor: Actor, id: string, rationale: string, version?: number): Promise<IdeaDto> {
    return this.ideas.runCommand(actor, id, { type: 'decline', rationale }, { expectedVersion: version });
  }
}
