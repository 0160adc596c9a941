import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsKeysetValue, LimitProperty, PersonRefDto, cursorField, Field } from '@eclore/server-platform';

export class AuditQuery {
  @Field.Text({ max: 100, optional: true, description: 'Exact action, e.g. `role.granted`.' })
  action?: string;

  @Field.Text({ max: 100, optional: true, description: 'Exact subject type, e.g. `person`.' })
  subjectType?: string;

  @Field.Text({ max: 200, optional: true })
  subjectId?: string;

  @ApiPropertyOptional({ description: 'Events older than this one: the `nextBefore` of the previous page.' })
  @IsOptional()
  // A positive bigint: 19 digits alone could still overflow it (22003, a 500 before).
  @IsKeysetValue(cursorField.serialId, { message: 'before must be an event id' })
  before?: string;

  @LimitProperty({ max: 100, default: 50 })
  limit?: number;
}

export class AuditEventDto {
  @ApiProperty({ description: 'Increasing with time.' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt!: string;
  @ApiProperty() action!: string;
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'Null for the system.' })
  actor!: PersonRefDto | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'Set (and `actor` null) when an anonymous author acted on their own idea: the same pseudonym for each of their acts on it; only the guardian’s reveal resolves it.',
  })
  actorPseudonym!: string | null;
  @ApiProperty() subjectType!: string;
  @ApiProperty({ type: String, nullable: true }) subjectId!: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'The person, when the subject is one.' })
  subjectPerson!: PersonRefDto | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items!: AuditEventDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `before` for older events; null when there are none.',
  })
  nextBefore!: string | null;
}

export class AuditChainBreakDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Id of the first row that does not verify; null when rows were cut from the end.',
  })
  id!: string | null;
  @ApiProperty({ description: 'Its position in the chain (for a cut end: the position the chain head records).' })
  seq!: string;
  @ApiProperty({ enum: ['content_changed', 'link_broken', 'head_mismatch'] })
  reason!: 'content_changed' | 'link_broken' | 'head_mismatch';
}

export class AuditChainDto {
  @ApiProperty({ description: 'Every link and the chain head verify.' })
  ok!: boolean;
  @ApiProperty({ description: 'Entries verified (before the break, if any).' })
  entries!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Hash of the last entry when whole: note it elsewhere to notice a later rewrite of the whole log.',
  })
  headHash!: string | null;
  @ApiProperty({ type: AuditChainBreakDto, nullable: true })
  brokenAt!: AuditChainBreakDto | null;
}
