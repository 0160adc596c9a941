import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import {
  RECOGNITION_FORMS,
  RECOGNITION_LIMITS,
  RECOGNITION_MILESTONE_KEYS,
  RECOGNITION_STATUSES,
  type RecognitionForm,
  type RecognitionMilestone,
  type RecognitionStatus,
} from '@eclore/domain';
import { CursorQuery, PersonRefDto, Field } from '@eclore/server-platform';

/** The idea a recognition is about. */
export class RecognitionIdeaDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

/** A recognition as recognisers (HR, the network lead in scope) see it. */
export class RecognitionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: RecognitionIdeaDto }) idea!: RecognitionIdeaDto;
  @ApiProperty({ enum: RECOGNITION_MILESTONE_KEYS }) milestone!: RecognitionMilestone;
  @ApiPropertyOptional({
    type: PersonRefDto,
    nullable: true,
    description: 'Null for an anonymous author who has not claimed the idea (shown as “an anonymous author”).',
  })
  person!: PersonRefDto | null;
  @ApiProperty({ description: 'The person is an anonymous author: never named, the recognition stays private.' })
  anonymousAuthor!: boolean;
  @ApiProperty({ enum: RECOGNITION_STATUSES }) status!: RecognitionStatus;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ enum: RECOGNITION_FORMS, nullable: true, type: String }) form!: RecognitionForm | null;
  @ApiProperty({ type: String, nullable: true }) message!: string | null;
  @ApiProperty({ description: 'Shown on public pages (recorded, public, not declined).' }) isPublic!: boolean;
  @ApiProperty({ description: 'The person declined public recognition.' }) publicDeclined!: boolean;
  @ApiProperty({ type: String, nullable: true }) dismissReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When recorded or dismissed.' })
  decidedAt!: string | null;
}

export class RecognitionPageDto {
  @ApiProperty({ type: [RecognitionDto] }) items!: RecognitionDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Opaque cursor of the next page; null on the last one.' })
  nextCursor!: string | null;
}

/** `status` (all by default), `cursor`, `limit` (1–100, 25 by default). */
export class ListRecognitionsQuery extends CursorQuery({ max: 100, default: 25 }) {
  @Field.OneOf(RECOGNITION_STATUSES, { optional: true })
  status?: RecognitionStatus;
}

/**
 * Recording a recognition. Checked by the domain (applyRecognition), which names the field; the
 * decorators only let the fields through the whitelist.
 */
export class RecordRecognitionDto {
  @ApiProperty({ enum: RECOGNITION_FORMS }) @Allow() form!: RecognitionForm;
  @ApiProperty({ minLength: 1, maxLength: RECOGNITION_LIMITS.messageMax }) @Allow() message!: string;
  @ApiProperty({
    description:
      'Shown on public pages. Never for career evidence, nor for an anonymous author who has not claimed the idea.',
  })
  @Allow()
  isPublic!: boolean;
}

export class DismissRecognitionDto {
  @ApiProperty({ minLength: 1, maxLength: RECOGNITION_LIMITS.reasonMax, description: 'Why no recognition (kept).' })
  @Allow()
  reason!: string;
}

/** One of the person's own recorded recognitions. */
export class MyRecognitionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: RecognitionIdeaDto }) idea!: RecognitionIdeaDto;
  @ApiProperty({ enum: RECOGNITION_MILESTONE_KEYS }) milestone!: RecognitionMilestone;
  @ApiProperty({ enum: RECOGNITION_FORMS }) form!: RecognitionForm;
  @ApiProperty() message!: string;
  @ApiProperty() isPublic!: boolean;
  @ApiProperty({ description: 'The person declined public recognition (it stays, private).' }) publicDeclined!: boolean;
  @ApiProperty({ description: 'Recorded as an anonymous author’s: private, shown to the person alone.' })
  anonymous!: boolean;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

/** A recognition shown on the idea's page: recorded, public, not declined, of a named person. */
export class PublicRecognitionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: PersonRefDto }) person!: PersonRefDto;
  @ApiProperty({ enum: RECOGNITION_MILESTONE_KEYS }) milestone!: RecognitionMilestone;
  @ApiProperty({ enum: RECOGNITION_FORMS }) form!: RecognitionForm;
  @ApiProperty() message!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class RecognitionSettingsDto {
  @ApiProperty({
    enum: RECOGNITION_MILESTONE_KEYS,
    isArray: true,
    description: 'The milestones that open recognition due.',
  })
  milestones!: RecognitionMilestone[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;
}

export class SetRecognitionSettingsDto {
  @ApiProperty({ enum: RECOGNITION_MILESTONE_KEYS, isArray: true, description: 'None: the workflow is off.' })
  @Allow()
  milestones!: RecognitionMilestone[];
}
