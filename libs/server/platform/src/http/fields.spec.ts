import 'reflect-metadata';
import { Body, Controller, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import * as Field from './fields';
import { createProbeApp } from '../../../../../test/harness/probe-app';

const UUID = '0b6a0c2e-3d0f-4c39-9a0e-1c1d2f3a4b5c';
const COLOURS = ['red', 'green'] as const;

/** Each failed rule as the ValidationPipe reports it: property, then the codes in class-validator's order. */
function problems<T extends object>(cls: new () => T, input: Record<string, unknown>): Record<string, string[]> {
  const errors = validateSync(plainToInstance(cls, input), { whitelist: true, forbidNonWhitelisted: true });
  return Object.fromEntries(errors.map((e) => [e.property, Object.keys(e.constraints ?? {})]));
}

class WithField {
  @Field.Text({ max: 5, min: 2, description: 'A name.' })
  name!: string;

  @Field.Text({ max: 10, notEmpty: true })
  reason!: string;

  @Field.Text({ max: 3, optional: true, nullable: true, type: String })
  note?: string | null;

  @Field.Uuid({ optional: true })
  ownerId?: string;

  @Field.OneOf(COLOURS)
  colour!: string;

  @Field.Int({ min: 1, max: 12, fromText: true, optional: true, default: 6 })
  months?: number;

  @Field.Day({ optional: true })
  startsOn?: string;
}

/** The same properties as they were written by hand before the helpers. */
class ByHand {
  @ApiProperty({ description: 'A name.', minLength: 2, maxLength: 5 })
  @IsString()
  @MinLength(2)
  @MaxLength(5)
  name!: string;

  @ApiProperty({ maxLength: 10 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10)
  reason!: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 3 })
  @IsOptional()
  @IsString()
  @MaxLength(3)
  note?: string | null;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiProperty({ enum: COLOURS })
  @IsIn(COLOURS)
  colour!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 12, default: 6 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  months?: number;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsString()
  @Matches(Field.ISO_DAY, { message: '$property must be a day written YYYY-MM-DD' })
  startsOn?: string;
}

const inputs: Record<string, unknown>[] = [
  { name: 'Ana', reason: 'why', colour: 'red' },
  { name: 'Ana', reason: 'why', colour: 'red', note: null, ownerId: UUID },
  { name: 'A', reason: '', colour: 'blue', note: 'long', ownerId: '42' },
  { name: 'Anastasia', reason: 'x'.repeat(11), colour: 'green', note: 7 },
  { name: 12, reason: null, colour: null },
  { name: 'Ana', reason: 'why', colour: 'red', months: '7', startsOn: '2026-12-07' },
  { name: 'Ana', reason: 'why', colour: 'red', months: '13', startsOn: '2026-13-01' },
  { name: 'Ana', reason: 'why', colour: 'red', months: 2.5, startsOn: 20261207 },
  { name: 'Ana', reason: 'why', colour: 'red', months: 'x', startsOn: '7 Dec 2026' },
  {},
];

describe('Field', () => {
  it.each(inputs)(
    'refuses and accepts exactly what the hand-written decorators did, in the same order: %j',
    (input) => {
      expect(problems(WithField, input)).toEqual(problems(ByHand, input));
    },
  );

  it('names each failed rule of the property', () => {
    expect(problems(WithField, { name: 'A', reason: '', colour: 'blue', ownerId: '42' })).toEqual({
      name: ['minLength'],
      reason: ['isNotEmpty'],
      colour: ['isIn'],
      ownerId: ['isUuid'],
    });
    expect(
      problems(WithField, { name: 'Ana', reason: 'why', colour: 'red', months: '0', startsOn: '2026-02-31' }),
    ).toEqual({
      months: ['min'],
    });
    expect(problems(WithField, { name: 'Ana', reason: 'why', colour: 'red', startsOn: '2026-2-3' })).toEqual({
      startsOn: ['matches'],
    });
    expect(plainToInstance(WithField, { months: '7' }).months).toBe(7);
    expect(problems(WithField, { name: 'Ana', reason: 'why', colour: 'red' })).toEqual({});
  });

  it('documents what it checks, as the hand-written decorators did', async () => {
    @Controller('probe')
    class ProbeController {
      @Post('field')
      field(@Body() _input: WithField): void {}

      @Post('hand')
      hand(@Body() _input: ByHand): void {}
    }
    const { app, document } = await createProbeApp([ProbeController]);
    await app.close();
    const schemas = document.components?.schemas ?? {};
    expect(schemas['WithField']).toEqual(schemas['ByHand']);
    expect(schemas['WithField']).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string', description: 'A name.', minLength: 2, maxLength: 5 },
        reason: { type: 'string', maxLength: 10 },
        note: { type: 'string', nullable: true, maxLength: 3 },
        ownerId: { type: 'string', format: 'uuid' },
        colour: { type: 'string', enum: ['red', 'green'] },
        months: { type: 'integer', minimum: 1, maximum: 12, default: 6 },
        startsOn: { type: 'string', format: 'date' },
      },
      required: ['name', 'reason', 'colour'],
    });
  });
});
