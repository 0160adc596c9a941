import { Body, Get, Patch, Post } from '@nestjs/common';
import type { ErrorCode } from '@eclore/domain';
import { Call, CallOn } from '@eclore/server-identity';
import { ApiController, Endpoint, type EndpointPreset } from '@eclore/server-platform';
import {
  CreateIdeaInput,
  IdeaDto,
  InviteCoAuthorInput,
  ReasonInput,
  RevealedAuthorDto,
  TimelineDto,
  UpdateIdeaInput,
  VersionInput,
} from './ideas.dto';
import { AuthorReveal } from './author-reveal.service';
import { IdeaDrafting } from './idea-drafting.service';
import { IdeaIntake } from './idea-intake.service';
import { IdeaQueries } from './idea-queries.service';

export const NOT_FOUND = 'No such idea, or not one you may read (drafts are private to their authors).';

// Routes on one idea: checked against that idea once loaded; an unknown or unreadable one is a 404.
const READ_IDEA: EndpointPreset = {
  permission: { action: 'idea.read', objectLevel: true },
  errors: ['idea_not_found'],
  errorText: { 404: NOT_FOUND },
};
const EDIT_IDEA: EndpointPreset = { ...READ_IDEA, permission: { action: 'idea.edit', objectLevel: true } };
const EDIT_INVITATION: EndpointPreset = {
  permission: { action: 'idea.edit', objectLevel: true },
  errors: ['invitation_not_found'],
  errorText: { 404: '`invitation_not_found`.' },
};

/** What a route adds to a lifecycle command's refusals. */
export interface Refusals {
  errors: readonly ErrorCode[];
  errorText?: Readonly<Partial<Record<number, string>>>;
}

const NETWORK_ONLY: Refusals = {
  errors: ['role_required', 'out_of_scope'],
  errorText: { 403: '`role_required`, `out_of_scope`.' },
};

/** A lifecycle command on one idea: the idea as the actor now sees it, or the transition's refusals. */
export function Lifecycle(operationId: string, summary: string, refusals: Refusals = { errors: [] }): MethodDecorator {
  return Endpoint({
    permission: { action: 'idea.transition', objectLevel: true },
    operationId,
    summary,
    ok: IdeaDto,
    errors: [...refusals.errors, 'transition_not_allowed', 'stale_version', 'idea_not_found'],
    errorText: { ...refusals.errorText, 409: '`transition_not_allowed`, `stale_version`.', 404: NOT_FOUND },
  });
}

@ApiController('ideas', 'ideas')
export class IdeasController {
  constructor(
    private readonly drafting: IdeaDrafting,
    private readonly collect: IdeaIntake,
    private readonly queries: IdeaQueries,
    private readonly guardian: AuthorReveal,
  ) {}

  @Post()
  @Endpoint({
    permission: 'idea.create',
    operationId: 'createIdea',
    summary: 'Start a draft (a problem or a solution), private to its authors.',
    description:
      'With `onBehalfOf` + `captureChannel`, a network member captures the idea for someone (workshop, paper form): that person is credited as the author.',
    ok: IdeaDto,
    status: 201,
    errors: ['validation_failed', 'forbidden'],
    errorText: {
      400: 'Field problems (unknown org unit/theme/campaign, a field of the other kind, campaign closed...).',
      403: 'Capture on behalf: network members within their scope only.',
    },
  })
  create(@Call() call: Call, @Body() input: CreateIdeaInput): Promise<IdeaDto> {
    return this.drafting.create(call.actor, input, call.requestId);
  }

  @Get(':id')
  @Endpoint(READ_IDEA, {
    operationId: 'getIdea',
    summary: 'One idea as the viewer may see it (anonymous authors hidden).',
    ok: IdeaDto,
  })
  get(@CallOn() call: CallOn): Promise<IdeaDto> {
    return this.queries.get(call.actor, call.id);
  }

  @Patch(':id')
  @Endpoint(EDIT_IDEA, {
    operationId: 'updateIdea',
    summary: 'Authors edit a draft or a returned idea.',
    ok: IdeaDto,
    errors: ['not_author', 'stale_version', 'not_editable'],
    errorText: { 403: '`not_author`.', 409: '`stale_version` (reload), `not_editable` (submitted).' },
  })
  update(@CallOn() call: CallOn, @Body() input: UpdateIdeaInput): Promise<IdeaDto> {
    return this.drafting.update(call.actor, call.id, input);
  }

  @Get(':id/timeline')
  @Endpoint(READ_IDEA, {
    operationId: 'getIdeaTimeline',
    summary: 'The idea’s history: public events for readers; every event for its authors and the network in scope.',
    ok: TimelineDto,
  })
  timeline(@CallOn() call: CallOn): Promise<TimelineDto> {
    return this.queries.timeline(call.actor, call.id);
  }

  @Post(':id/co-authors')
  @Endpoint(EDIT_IDEA, {
    operationId: 'inviteCoAuthor',
    summary: 'Authors invite a colleague to co-author; they count once they accept.',
    ok: IdeaDto,
    errors: ['already_invited', 'not_editable'],
    errorText: { 409: '`already_invited`, `not_editable`.' },
  })
  invite(@CallOn() call: CallOn, @Body() input: InviteCoAuthorInput): Promise<IdeaDto> {
    return this.drafting.inviteCoAuthor(call.actor, call.id, input.personId);
  }

  @Post(':id/co-authors/me/accept')
  @Endpoint(EDIT_INVITATION, {
    operationId: 'acceptCoAuthorship',
    summary: 'Accept an invitation to co-author.',
    ok: IdeaDto,
  })
  async acceptInvitation(@CallOn() call: CallOn): Promise<IdeaDto> {
    return (await this.drafting.answerInvitation(call.actor, call.id, 'accepted'))!;
  }

  @Post(':id/co-authors/me/decline')
  @Endpoint(EDIT_INVITATION, {
    operationId: 'declineCoAuthorship',
    summary: 'Decline an invitation to co-author.',
    ok: 'noContent',
  })
  async declineInvitation(@CallOn() call: CallOn): Promise<void> {
    await this.drafting.answerInvitation(call.actor, call.id, 'declined');
  }

  @Post(':id/submit')
  @Lifecycle('submitIdea', 'Authors submit to the box (or the campaign); checked against its submission rules.', {
    errors: ['validation_failed'],
    errorText: { 400: '`validation_failed` naming each failing field (required, lengths, kind, campaign closed).' },
  })
  submit(@CallOn() call: CallOn, @Body() input: VersionInput): Promise<IdeaDto> {
    return this.collect.submit(call.actor, call.id, input.version);
  }

  @Post(':id/withdraw')
  @Lifecycle('withdrawIdea', 'Authors withdraw their idea.')
  withdraw(@CallOn() call: CallOn, @Body() input: VersionInput): Promise<IdeaDto> {
    return this.collect.withdraw(call.actor, call.id, input.version);
  }

  @Post(':id/accept')
  @Lifecycle('acceptIdea', 'A network member in scope accepts a submitted idea: published on the wall.', NETWORK_ONLY)
  accept(@CallOn() call: CallOn, @Body() input: VersionInput): Promise<IdeaDto> {
    return this.collect.accept(call.actor, call.id, input.version);
  }

  @Post(':id/return')
  @Lifecycle('returnIdea', 'A network member in scope returns a submitted idea to its authors with a reason.', {
    errors: ['validation_failed', ...NETWORK_ONLY.errors],
    errorText: { 400: '`reason` missing.', ...NETWORK_ONLY.errorText },
  })
  returnToAuthors(@CallOn() call: CallOn, @Body() input: ReasonInput): Promise<IdeaDto> {
    return this.collect.returnToAuthors(call.actor, call.id, input.reason, input.version);
  }

  @Post(':id/reveal-author')
  @Endpoint({
    permission: 'idea.reveal_author',
    operationId: 'revealIdeaAuthor',
    summary:
      'The anonymity guardian reveals who wrote an anonymous idea; every reveal is in the audit log with its reason.',
    ok: RevealedAuthorDto,
    errors: ['forbidden', 'not_anonymous', 'idea_not_found'],
    errorText: {
      403: 'Anonymity guardian only.',
      409: '`not_anonymous`.',
      404: 'No such idea.',
    },
  })
  reveal(@CallOn() call: CallOn, @Body() input: ReasonInput): Promise<RevealedAuthorDto> {
    return this.guardian.reveal(call.actor, call.id, input.reason, call.requestId);
  }
}
