import { ApiProperty } from '@nestjs/swagger';
import { PersonRefDto, Field } from '@eclore/server-platform';

export class CreatePrivateNoteInput {
  @Field.Text({
    max: 10000,
    notEmpty: true,
    description:
      'Rich text (sanitised on the server). Mention people with the token `@[Display name](person-id)`; ' +
      'each must be allowed to read the private notes of this idea.',
  })
  bodyHtml!: string;
}

export class PrivateNoteDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ type: PersonRefDto })
  author!: PersonRefDto;
  @ApiProperty({ description: 'Sanitised HTML; mentions rendered with the directory’s names.' })
  bodyHtml!: string;
  @ApiProperty({ type: [PersonRefDto] })
  mentions!: PersonRefDto[];
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class PrivateNoteThreadDto {
  @ApiProperty({ type: [PrivateNoteDto], description: 'Oldest first.' })
  items!: PrivateNoteDto[];
}
