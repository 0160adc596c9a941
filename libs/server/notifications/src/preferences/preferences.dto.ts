import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import {
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_FREQUENCIES,
  type NotificationCategory,
  type NotificationFrequency,
} from '@eclore/domain';
import { Field } from '@eclore/server-platform';

export class CategoryFrequencyDto {
  @Field.OneOf(NOTIFICATION_CATEGORIES)
  category!: NotificationCategory;

  @Field.OneOf(NOTIFICATION_FREQUENCIES)
  frequency!: NotificationFrequency;
}

export class PreferenceDto extends CategoryFrequencyDto {
  @ApiProperty({ enum: NOTIFICATION_FREQUENCIES, description: 'What applies when the person chooses nothing.' })
  organisationDefault!: NotificationFrequency;
  @ApiProperty({ description: 'True when this is the person’s own choice (else the organisation default applies).' })
  personal!: boolean;
}

export class PreferencesDto {
  @ApiProperty({ type: [PreferenceDto] }) preferences!: PreferenceDto[];
  @ApiProperty({ description: 'False when the server sends no e-mail (SMTP_URL unset); the centre still works.' })
  emailEnabled!: boolean;
}

export class UpdatePreferencesInput {
  @ApiProperty({ type: [CategoryFrequencyDto] })
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_CATEGORIES.length)
  @ValidateNested({ each: true })
  @Type(() => CategoryFrequencyDto)
  preferences!: CategoryFrequencyDto[];
}

export class DefaultsDto {
  @ApiProperty({ type: [CategoryFrequencyDto] }) defaults!: CategoryFrequencyDto[];
}

export class UpdateDefaultsInput extends UpdatePreferencesInput {}
