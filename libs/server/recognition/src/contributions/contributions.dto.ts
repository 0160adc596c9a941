import { ApiProperty } from '@nestjs/swagger';
import { CONTRIBUTION_KINDS, SUPPORTED_LOCALES, type ContributionKind, type Locale } from '@eclore/domain';
import { Field } from '@eclore/server-platform';

/** One of the person's own contributions. */
export class MyContributionDto {
  @ApiProperty({ format: 'uuid' }) ideaId!: string;
  @ApiProperty() ideaTitle!: string;
  @ApiProperty({ enum: CONTRIBUTION_KINDS }) kind!: ContributionKind;
  @ApiProperty({ description: 'Recorded as an anonymous author’s act: shown with the person to them alone.' })
  anonymous!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When they claimed it (then named).' })
  claimedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

/** A count per kind of contribution. */
export class ContributionTotalDto {
  @ApiProperty({ enum: CONTRIBUTION_KINDS }) kind!: ContributionKind;
  @ApiProperty() count!: number;
}

export class MyContributionsDto {
  @ApiProperty({ type: [ContributionTotalDto], description: 'Every contribution of the person, by kind.' })
  totals!: ContributionTotalDto[];
  @ApiProperty({ type: [MyContributionDto], description: `The most recent contributions, newest first (at most 500).` })
  items!: MyContributionDto[];
}

export class ContributionsPdfQuery {
  @Field.OneOf(SUPPORTED_LOCALES, {
    optional: true,
    description: 'Absent: the person’s preferred language, else French.',
  })
  lang?: Locale;
}
