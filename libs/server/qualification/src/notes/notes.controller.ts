import { Body, Get, Post } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import { CallOn } from '@eclore/server-identity';
import { ApiController, Endpoint } from '@eclore/server-platform';
import { CreatePrivateNoteInput, PrivateNoteDto, PrivateNoteThreadDto } from './notes.dto';
import { PrivateNotesService } from './notes.service';

@ApiForbiddenResponse({ description: '`role_required` (network and committee only), `out_of_scope`, `is_author`.' })
@ApiNotFoundResponse({ description: 'No such idea, or not one you may read.' })
@ApiController('qualification', 'ideas/:id/private-notes')
export class PrivateNotesController {
  constructor(private readonly notes: PrivateNotesService) {}

  @Get()
  @Endpoint({
    permission: { action: 'private_note.read', objectLevel: true },
    operationId: 'listPrivateNotes',
    summary: 'The idea’s private thread (network and committee in scope).',
    ok: PrivateNoteThreadDto,
  })
  list(@CallOn() call: CallOn): Promise<PrivateNoteThreadDto> {
    return this.notes.list(call.actor, call.id);
  }

  @Post()
  @Endpoint({
    permission: { action: 'private_note.write', objectLevel: true },
    operationId: 'createPrivateNote',
    summary: 'Adds a note to the idea’s private thread; mentioned people are told (`private_note_mention`).',
    ok: PrivateNoteDto,
    status: 201,
    errors: ['validation_failed'],
    errorText: { 400: '`bodyHtml` empty, too long, too many mentions, or `mention_not_allowed`.' },
  })
  create(@CallOn() call: CallOn, @Body() input: CreatePrivateNoteInput): Promise<PrivateNoteDto> {
    return this.notes.create(call.actor, call.id, input);
  }
}
