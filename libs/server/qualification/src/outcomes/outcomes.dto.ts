import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { VersionInput } from '@eclore/server-ideas';

export const OUTCOME_TEXT_MAX = 4000;

export class QualifyInput extends VersionInput {
  @ApiProperty({
    minLength: 1,
    maxLength: OUTCOME_TEXT_MAX,
    description: 'The reasoned answer the authors and followers read; the idea goes to the committee.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(OUTCOME_TEXT_MAX)
  answer!: string;
}

export class RequestReworkInput extends VersionInput {
  @ApiProperty({
    minLength: 1,
    maxLength: OUTCOME_TEXT_MAX,
    description: 'What the authors should rework; the idea goes back to them.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(OUTCOME_TEXT_MAX)
  guidance!: string;
}

export class DeclineInput extends VersionInput {
  @ApiProperty({
    minLength: 1,
    maxLength: OUTCOME_TEXT_MAX,
    description: 'Why the idea is not taken further; the authors and followers read it.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(OUTCOME_TEXT_MAX)
  rationale!: string;
}
