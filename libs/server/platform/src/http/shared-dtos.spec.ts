import 'reflect-metadata';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { defineCursor, cursorField } from '../cursor/cursor';
import { CursorQuery, CursorQueryDto, PageDto } from './page.dto';
import { IdParamDto, UuidParams } from './params.dto';
import { PersonRefDto } from './refs.dto';
import { createProbeApp } from '../../../../../test/harness/probe-app';

const UUID = '0b6a0c2e-3d0f-4c39-9a0e-1c1d2f3a4b5c';

/** The field codes class-validator reports for this input, as the ValidationPipe would see them. */
function problems<T extends object>(cls: new () => T, input: Record<string, unknown>): Record<string, string[]> {
  const errors = validateSync(plainToInstance(cls, input), { whitelist: true, forbidNonWhitelisted: true });
  return Object.fromEntries(errors.map((e) => [e.property, Object.keys(e.constraints ?? {})]));
}

class AgendaItemParams extends UuidParams('id', 'itemId') {}
class PersonRefPageDto extends PageDto(PersonRefDto) {}
class SmallPageQuery extends CursorQuery({ max: 50, default: 20 }) {}

describe('UuidParams / IdParamDto', () => {
  it('accepts uuids and names each malformed one', () => {
    expect(problems(IdParamDto, { id: UUID })).toEqual({});
    expect(problems(AgendaItemParams, { id: UUID, itemId: UUID })).toEqual({});
    expect(problems(AgendaItemParams, { id: UUID, itemId: '42' })).toEqual({ itemId: ['isUuid'] });
    expect(problems(AgendaItemParams, { id: "1' or 1=1", itemId: UUID })).toEqual({ id: ['isUuid'] });
  });
});

describe('CursorQuery', () => {
  const codec = defineCursor({ at: cursorField.isoTimestamp, id: cursorField.uuid });

  it('accepts a cursor the codec made and a limit within bounds (a query string is text)', () => {
    const cursor = codec.encode({ at: '2026-03-01T09:15:00.000Z', id: UUID });
    expect(problems(CursorQueryDto, { cursor, limit: '100' })).toEqual({});
    expect(plainToInstance(CursorQueryDto, { limit: '7' }).limit).toBe(7);
  });

  it('refuses what cannot be a cursor at the edge, naming it', () => {
    expect(problems(CursorQueryDto, { cursor: 'not a cursor!' })).toEqual({ cursor: ['invalidCursor'] });
    expect(problems(CursorQueryDto, { cursor: 'a'.repeat(2049) })).toEqual({ cursor: ['invalidCursor'] });
  });

  it('bounds the limit per list', () => {
    expect(problems(CursorQueryDto, { limit: '0' })).toEqual({ limit: ['min'] });
    expect(problems(CursorQueryDto, { limit: '2.5' })).toEqual({ limit: ['isInt'] });
    expect(problems(SmallPageQuery, { limit: '51' })).toEqual({ limit: ['max'] });
    expect(problems(SmallPageQuery, { limit: '50' })).toEqual({});
  });
});

describe('PageDto and the query in the OpenAPI document', () => {
  @Controller('people')
  class PeopleController {
    @Get(':id/reports')
    @ApiOkResponse({ type: PersonRefPageDto })
    list(@Param() _params: IdParamDto, @Query() _query: SmallPageQuery): PersonRefPageDto {
      return { items: [], nextCursor: null };
    }
  }

  it('documents the page under the item’s name and the uuid and paging parameters', async () => {
    const { app, document } = await createProbeApp([PeopleController]);
    await app.close();
    expect(document.components?.schemas?.['PersonRefPageDto']).toEqual({
      type: 'object',
      properties: {
        items: { type: 'array', items: { $ref: '#/components/schemas/PersonRefDto' } },
        nextCursor: { type: 'string', nullable: true, description: 'Opaque cursor of the next page; null on the last one.' },
      },
      required: ['items', 'nextCursor'],
    });
    const parameters = document.paths['/people/{id}/reports']?.get?.parameters ?? [];
    expect(parameters).toEqual(
      expect.arrayContaining([
        { name: 'id', required: true, in: 'path', schema: { type: 'string', format: 'uuid' } },
        expect.objectContaining({ name: 'limit', in: 'query', required: false, schema: expect.objectContaining({ maximum: 50, default: 20 }) }),
        expect.objectContaining({ name: 'cursor', in: 'query', required: false }),
      ]),
    );
  });
});
