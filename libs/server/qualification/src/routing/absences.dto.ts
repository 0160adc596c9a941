import { ApiProperty } from '@nestjs/swagger';
import { IsDateString } from 'class-validator';
import { PersonRefDto, Field } from '@eclore/server-platform';

export class CreateAbsenceInput {
  @ApiProperty({ format: 'date-time', description: 'When the absence starts.' })
  @IsDateString()
  startsAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When it ends (after the start, in the future).' })
  @IsDateString()
  endsAt!: string;

  @Field.Uuid({ optional: true, description: 'The network member who takes new reviews meanwhile.' })
  delegateId?: string;
}

export class AbsenceDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'date-time' })
  startsAt!: string;
  @ApiProperty({ format: 'date-time' })
  endsAt!: string;
  @ApiProperty({ type: PersonRefDto, nullable: true })
  delegate!: PersonRefDto | null;
  @ApiProperty({ description: 'Running now.' })
  current!: boolean;
}
