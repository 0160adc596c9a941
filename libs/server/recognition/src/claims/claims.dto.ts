import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { CONTRIBUTION_KINDS, type ContributionKind } from '@eclore/domain';
import { Field } from '@eclore/server-platform';

export const CLAIM_STATUSES = ['pending', 'granted', 'refused'] as const;
export const CLAIM_REASON_MAX = 1_000;

export class RequestContributionClaimDto {
  @Field.Uuid({ description: 'The idea whose anonymous contributions of mine I claim, all at once.' })
  ideaId!: string;
}

export class RefuseContributionClaimDto {
  // By hand: the 1-character minimum is the service's, after trimming (blank answers `required`).
  @ApiProperty({ minLength: 1, maxLength: CLAIM_REASON_MAX, description: 'Told to the person; kept in the audit log.' })
  @IsString()
  @MaxLength(CLAIM_REASON_MAX)
  reason!: string;
}

/** One of my claims, as I see it. */
export class MyContributionClaimDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) ideaId!: string;
  @ApiProperty() ideaTitle!: string;
  @ApiProperty({ enum: CLAIM_STATUSES }) status!: (typeof CLAIM_STATUSES)[number];
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the guardian refused.' }) reason!: string | null;
}

/**
 * A pending claim as the guardian sees it: the idea and the kinds of entries claimed, never who
 * claims them (the server checks the entries are the claimant's; the guardian judges whether naming
 * them would expose anyone else, e.g. a fellow anonymous author).
 */
export class PendingContributionClaimDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) ideaId!: string;
  @ApiProperty() ideaTitle!: string;
  @ApiProperty({ description: 'Whether the idea is still anonymous.' }) ideaAnonymous!: boolean;
  @ApiProperty({ enum: CONTRIBUTION_KINDS, isArray: true, description: 'The kinds of the entries to be named.' })
  kinds!: ContributionKind[];
  @ApiProperty({ description: 'How many entries would be named.' }) entries!: number;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
}

/** A claim once decided, as the guardian sees it (still without the person). */
export class DecidedContributionClaimDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CLAIM_STATUSES }) status!: (typeof CLAIM_STATUSES)[number];
  @ApiProperty({ description: 'Entries named by the decision (0 when refused).' }) named!: number;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
}
