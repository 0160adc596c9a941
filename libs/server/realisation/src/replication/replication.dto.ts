import { ApiProperty } from '@nestjs/swagger';
import { PROJECT_STATUSES, type ProjectStatus } from '@eclore/domain';
import { OrgUnitNameDto, PersonRefDto, Field } from '@eclore/server-platform';

export class AdoptInput {
  @Field.Uuid({ description: 'The adopting unit (within the asker’s network scope).' })
  orgUnitId!: string;

  @Field.Uuid({ description: 'The owner of the replica’s own project.' })
  ownerId!: string;

  @Field.Day({ optional: true, description: 'The replica project’s start day (default today).' })
  startsOn?: string;
}

/** One end of an adoption: the other idea, the adopting unit, and the replica project's figures. */
export class LineageLinkDto {
  @ApiProperty({ format: 'uuid' }) ideaId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: OrgUnitNameDto, description: 'The adopting unit.' }) unit!: OrgUnitNameDto;
  @ApiProperty({ format: 'date-time' }) adoptedAt!: string;
  @ApiProperty({ description: 'The replica project’s progress, whole percent.' }) progress!: number;
  @ApiProperty({ enum: PROJECT_STATUSES }) status!: ProjectStatus;
}

/**
 * The credit a replica carries: always "the authors of ‹original›", plus the names the original's
 * own presenter shows this viewer (none for an anonymous idea).
 */
export class CreditDto {
  @ApiProperty({ format: 'uuid' }) originalIdeaId!: string;
  @ApiProperty() originalTitle!: string;
  @ApiProperty({ description: 'The original’s authors are hidden from this viewer.' }) authorsHidden!: boolean;
  @ApiProperty({ type: [PersonRefDto] }) names!: PersonRefDto[];
}

export class LineageDto {
  @ApiProperty({ type: LineageLinkDto, nullable: true, description: 'This idea is a replica of that one.' })
  adoptedFrom!: LineageLinkDto | null;
  @ApiProperty({ type: CreditDto, nullable: true }) credit!: CreditDto | null;
  @ApiProperty({ type: [LineageLinkDto], description: 'The units that adopted this idea.' })
  adoptedBy!: LineageLinkDto[];
  @ApiProperty({ description: 'The idea is implemented and the viewer is a network member (they pick the unit).' })
  canAdopt!: boolean;
}

export class AdoptionDto {
  @ApiProperty({ format: 'uuid', description: 'The replica: a child idea in the adopting unit.' })
  replicaIdeaId!: string;
  @ApiProperty({ type: LineageDto, description: 'The original’s lineage, the new adoption included.' })
  lineage!: LineageDto;
}
