import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { CREDIT_GROUPS, CREDIT_LIMITS, type CreditGroup } from '@eclore/domain';
import { PersonRefDto } from '@eclore/server-platform';

/** The three groups' shares, whole percents summing to 100. */
export class CreditGroupSharesDto {
  @ApiProperty({ minimum: 0, maximum: 100 }) authors!: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) team!: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) network!: number;
}

/** One credited person's share; an anonymous author is shown without identity (but to themselves). */
export class PersonCreditShareDto {
  @ApiPropertyOptional({ type: PersonRefDto, nullable: true, description: 'Null for an anonymous author.' })
  person!: PersonRefDto | null;
  @ApiProperty({ description: 'Shown as “an anonymous author”.' }) anonymousAuthor!: boolean;
  @ApiProperty({ description: 'Hundredths of a percent; the shares of an idea sum to 10 000.' }) basisPoints!: number;
  @ApiProperty({ enum: CREDIT_GROUPS, isArray: true }) groups!: CreditGroup[];
}

export class CreditSharesDto {
  @ApiProperty({ format: 'uuid' }) ideaId!: string;
  @ApiProperty({ type: CreditGroupSharesDto }) groupShares!: CreditGroupSharesDto;
  @ApiProperty({ description: 'True while the network has not changed this idea’s shares.' }) isDefault!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) changedAt!: string | null;
  @ApiProperty({ type: [PersonCreditShareDto] }) people!: PersonCreditShareDto[];
}

/**
 * The network's change. Checked by the domain (validateCreditShares), which names the field; the
 * decorators only let the fields through the whitelist.
 */
export class SetCreditSharesDto {
  @ApiProperty({ minimum: 0, maximum: 100 }) @Allow() authors!: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) @Allow() team!: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) @Allow() network!: number;
  @ApiProperty({ maxLength: CREDIT_LIMITS.reasonMax, description: 'Kept in the audit entry.' })
  @Allow()
  reason!: string;
}
