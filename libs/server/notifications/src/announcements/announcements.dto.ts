import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class AnnounceCampaignInput {
  @ApiPropertyOptional({
    enum: ['now', 'opening'],
    default: 'now',
    description: '`opening`: when idea submissions open (the campaign must not be open yet).',
  })
  @IsOptional()
  @IsIn(['now', 'opening'])
  when?: 'now' | 'opening';
}

/** A campaign's announcement: the audience it would reach, or how far its fan-out has gone. */
export class CampaignAnnouncementDto {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty({ description: 'Whether the campaign has been announced (it can be only once).' })
  announced!: boolean;
  @ApiProperty({ description: 'Announced for a later time (when submissions open) that has not come yet.' })
  scheduled!: boolean;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Not announced yet: when idea submissions open next, if they are not open now.',
  })
  opensAt!: string | null;
  @ApiProperty({
    description:
      'Active people in the audience (its org units and their subtrees, or everyone): now when not announced yet, at the time of the announcement otherwise.',
  })
  audienceSize!: number;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When it goes (or went) out.',
  })
  announcedAt!: string | null;
  @ApiProperty({ description: 'In-app notifications written so far.' }) notified!: number;
  @ApiProperty({ description: 'E-mails to send at once (the others follow each person’s digest or are off).' })
  emailsQueued!: number;
  @ApiProperty({ description: 'E-mails accepted by the mail server so far.' }) emailsSent!: number;
  @ApiProperty({ description: 'E-mails that failed (visible to admins, who may replay them).' })
  emailsFailed!: number;
  @ApiProperty({ description: 'Every person of the audience has their notification.' }) completed!: boolean;
}
