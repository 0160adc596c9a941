import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { VersionInput } from './ideas.dto';

/** Learnings are public on the idea with its stop: the same bound as the other reasoned answers. */
export const LEARNINGS_MAX = 4000;

export class StopIdeaInput extends VersionInput {
  @ApiProperty({ minLength: 1, maxLength: LEARNINGS_MAX, description: 'What was learnt: public with the stop.' })
  @IsString()
  @MinLength(1)
  @MaxLength(LEARNINGS_MAX)
  // PostgreSQL refuses NUL in text; the field is named here rather than failing in the database.
  // eslint-disable-next-line no-control-regex -- matching the NUL byte is the point
  @Matches(/^[^\u0000]*$/, { message: 'learnings must not contain a NUL byte' })
  learnings!: string;
}
