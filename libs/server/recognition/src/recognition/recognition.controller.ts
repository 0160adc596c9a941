import { Body, Get, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@eclore/domain';
import { Call, CallOn, CurrentActor } from '@eclore/server-identity';
import { ApiController, Endpoint, sendDownload } from '@eclore/server-platform';
import { RecognitionCommands } from './recognition-commands.service';
import { RecognitionQueries } from './recognition-queries.service';
import {
  DismissRecognitionDto,
  ListRecognitionsQuery,
  MyRecognitionDto,
  PublicRecognitionDto,
  RecognitionDto,
  RecognitionPageDto,
  RecognitionSettingsDto,
  RecordRecognitionDto,
  SetRecognitionSettingsDto,
} from './recognition.dto';

/** What recording or dismissing a due item can answer besides success. */
const DUE_ITEM_ERRORS = [
  'validation_failed',
  'unauthenticated',
  'role_required',
  'out_of_scope',
  'recognition_not_found',
  'recognition_not_due',
  'own_recognition',
] as const;
const DUE_ITEM_ERROR_TEXT = {
  403: 'Not a recogniser (`role_required`), the idea out of scope (`out_of_scope`), or the actor’s own recognition (`own_recognition`).',
  409: 'Already recorded or dismissed (`recognition_not_due`).',
};

@ApiController('recognition', 'recognitions')
export class RecognitionController {
  constructor(
    private readonly queries: RecognitionQueries,
    private readonly commands: RecognitionCommands,
  ) {}

  @Get()
  @Endpoint({
    permission: 'recognition.manage',
    operationId: 'listRecognitions',
    summary: 'Recognition due, recorded and dismissed, oldest first, within the recogniser’s scope.',
    description:
      'HR and admins see every item; a network lead those of the ideas their scope covers. An anonymous author who has not claimed the idea is never named (`person` null, `anonymousAuthor` true).',
    ok: RecognitionPageDto,
    errors: ['validation_failed', 'unauthenticated', 'role_required'],
    errorText: { 400: 'Unknown `status`, bad `cursor` or `limit`.' },
  })
  list(@CurrentActor() actor: Actor, @Query() query: ListRecognitionsQuery): Promise<RecognitionPageDto> {
    return this.queries.list(actor, query);
  }

  @Post(':id/record')
  @Endpoint({
    permission: { action: 'recognition.manage', objectLevel: true },
    operationId: 'recordRecognition',
    summary: 'Record a due recognition: a form, a message, public or private. The person is told.',
    ok: RecognitionDto,
    errors: DUE_ITEM_ERRORS,
    errorText: {
      400: '`form` unknown, `message` missing or over 4 000 characters, `isPublic` not a boolean or public when the form (career evidence) or an anonymous author forbids it.',
      ...DUE_ITEM_ERROR_TEXT,
    },
  })
  record(@CallOn() call: CallOn, @Body() input: RecordRecognitionDto): Promise<RecognitionDto> {
    return this.commands.record(call.actor, call.id, input, call.requestId);
  }

  @Post(':id/dismiss')
  @Endpoint({
    permission: { action: 'recognition.manage', objectLevel: true },
    operationId: 'dismissRecognition',
    summary: 'Dismiss a due recognition, with a reason (e.g. already thanked in person).',
    ok: RecognitionDto,
    errors: DUE_ITEM_ERRORS,
    errorText: {
      400: '`reason` missing or over 1 000 characters.',
      ...DUE_ITEM_ERROR_TEXT,
    },
  })
  dismiss(@CallOn() call: CallOn, @Body() input: DismissRecognitionDto): Promise<RecognitionDto> {
    return this.commands.dismiss(call.actor, call.id, input, call.requestId);
  }

  @Post(':id/decline-public')
  @Endpoint({
    permission: { action: 'recognition.decline_public', objectLevel: true },
    operationId: 'declinePublicRecognition',
    summary: 'The person declines public recognition: it becomes private and leaves every public page.',
    ok: MyRecognitionDto,
    errors: [
      'validation_failed',
      'unauthenticated',
      'not_the_person',
      'recognition_not_found',
      'recognition_not_recorded',
      'recognition_not_public',
    ],
    errorText: {
      403: 'Only the person recognised (`not_the_person`).',
      409: 'Not recorded (`recognition_not_recorded`) or already private (`recognition_not_public`).',
    },
  })
  declinePublic(@CallOn() call: CallOn): Promise<MyRecognitionDto> {
    return this.commands.declinePublic(call.actor, call.id, call.requestId);
  }

  @Get(':id/certificate.pdf')
  @ApiProduces('application/pdf')
  @Endpoint({
    permission: { action: 'recognition.certificate', objectLevel: true },
    operationId: 'downloadRecognitionCertificate',
    summary: 'The certificate of a recorded recognition, as a PDF in the person’s language (French or English).',
    description: 'For the person and the recognisers in scope; an anonymous author’s certificate for them alone.',
    ok: { description: 'The PDF.', binary: true },
    errors: [
      'validation_failed',
      'unauthenticated',
      'role_required',
      'out_of_scope',
      'not_the_person',
      'recognition_not_found',
      'recognition_not_recorded',
    ],
    errorText: { 409: 'The recognition is not recorded (`recognition_not_recorded`).' },
  })
  async certificate(@CallOn() call: CallOn, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.queries.certificate(call.actor, call.id);
    return sendDownload(res, { fileName: file.filename, contentType: 'application/pdf', content: file.content });
  }
}

@ApiController('recognition', 'me')
export class MyRecognitionsController {
  constructor(private readonly queries: RecognitionQueries) {}

  @Get('recognitions')
  @Endpoint({
    permission: 'recognition.read_own',
    operationId: 'listMyRecognitions',
    summary: 'My recognitions: every recognition recorded for me, newest first.',
    description: 'Includes those of ideas I wrote anonymously: private, and shown to no one else with my name.',
    ok: [MyRecognitionDto],
    errors: ['unauthenticated'],
  })
  mine(@CurrentActor() actor: Actor): Promise<MyRecognitionDto[]> {
    return this.queries.mine(actor);
  }
}

@ApiController('recognition', 'ideas')
export class IdeaRecognitionsController {
  constructor(private readonly queries: RecognitionQueries) {}

  @Get(':id/recognitions')
  @Endpoint({
    permission: { action: 'recognition.read_public', objectLevel: true },
    operationId: 'listIdeaRecognitions',
    summary: 'The idea’s public recognitions: recorded, public and not declined, oldest first.',
    description: 'A private, declined or anonymous author’s recognition never appears here.',
    ok: [PublicRecognitionDto],
    errors: ['validation_failed', 'unauthenticated', 'idea_not_found'],
  })
  list(@CallOn() call: CallOn): Promise<PublicRecognitionDto[]> {
    return this.queries.publicOf(call.actor, call.id);
  }
}

@ApiController('recognition', 'recognition-settings', 'recognition.settings')
export class RecognitionSettingsController {
  constructor(
    private readonly queries: RecognitionQueries,
    private readonly commands: RecognitionCommands,
  ) {}

  @Get()
  @Endpoint({
    operationId: 'getRecognitionSettings',
    summary: 'The milestones that open recognition due (HR, admins).',
    ok: RecognitionSettingsDto,
    errors: ['unauthenticated', 'role_required'],
  })
  read(@CurrentActor() actor: Actor): Promise<RecognitionSettingsDto> {
    return this.queries.settings(actor);
  }

  @Put()
  @Endpoint({
    operationId: 'setRecognitionSettings',
    summary: 'Choose the milestones that open recognition due (none: the workflow is off); audited.',
    ok: RecognitionSettingsDto,
    errors: ['validation_failed', 'unauthenticated', 'role_required'],
    errorText: { 400: '`milestones` not a list of known milestones, or one listed twice.' },
  })
  set(@Call() call: Call, @Body() input: SetRecognitionSettingsDto): Promise<RecognitionSettingsDto> {
    return this.commands.setSettings(call.actor, input, call.requestId);
  }
}
