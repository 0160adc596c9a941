import { VersionInput } from '@eclore/server-ideas';
import { Field } from '@eclore/server-platform';

export const OUTCOME_TEXT_MAX = 4000;

export class QualifyInput extends VersionInput {
  @Field.Text({
    max: OUTCOME_TEXT_MAX,
    min: 1,
    description: 'The reasoned answer the authors and followers read; the idea goes to the committee.',
  })
  answer!: string;
}

export class RequestReworkInput extends VersionInput {
  @Field.Text({
    max: OUTCOME_TEXT_MAX,
    min: 1,
    description: 'What the authors should rework; the idea goes back to them.',
  })
  guidance!: string;
}

export class DeclineInput extends VersionInput {
  @Field.Text({
    max: OUTCOME_TEXT_MAX,
    min: 1,
    description: 'Why the idea is not taken further; the authors and followers read it.',
  })
  rationale!: string;
}
