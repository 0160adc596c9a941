import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PersonRefDto } from '@eclore/server-platform';

export class CreatePrivateNoteInput {
  @ApiProperty({
    maxLength: 10000,
    description:
      'Rich text (sanitised on the server). Mention people with the token `@[Display name](person-id)`; ' +
      'each must be allowed to read the private notes of this idea.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
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
