import { Body, Post } from '@nestjs/common';
import { CallOn } from '@eclore/server-identity';
import { ApiController } from '@eclore/server-platform';
import { IdeaDto, VersionInput } from './ideas.dto';
import { Lifecycle } from './ideas.controller';
import { StopIdeaInput } from './idea-lifecycle.dto';
import { IdeaLifecycle } from './idea-lifecycle.service';

const SCOPED = ['role_required', 'out_of_scope'] as const;

/**
 * Routes for the lifecycle commands after the decision (every command `viewer.commands` can list
 * has a route: apps/api/src/ideas/command-routes.spec.ts). Thin: one call each.
 */
@ApiController('ideas', 'ideas')
export class IdeaLifecycleController {
  constructor(private readonly lifecycle: IdeaLifecycle) {}

  @Post(':id/stop')
  @Lifecycle('stopIdea', 'The idea team or the committee stops a prototype; the learnings (required) stay public.', {
    errors: ['validation_failed', 'not_idea_team', ...SCOPED],
    errorText: { 400: '`learnings` missing, too long or with a NUL byte.', 403: '`not_idea_team`, `out_of_scope`.' },
  })
  stop(@CallOn() call: CallOn, @Body() input: StopIdeaInput): Promise<IdeaDto> {
    return this.lifecycle.stop(call.actor, call.id, input.learnings, input.version);
  }

  @Post(':id/resume')
  @Lifecycle(
    'resumeIdea',
    'The committee in scope takes a parked idea back to decide (the system does it once parkedUntil has passed).',
    {
      errors: [...SCOPED],
      errorText: { 403: '`role_required`, `out_of_scope`.' },
    },
  )
  resume(@CallOn() call: CallOn, @Body() input: VersionInput): Promise<IdeaDto> {
    return this.lifecycle.resume(call.actor, call.id, input.version);
  }

  @Post(':id/complete-implementation')
  @Lifecycle(
    'completeImplementation',
    'The project owner puts the solution live: the idea goes to follow-up and the field reviews are scheduled.',
    {
      // The project context's guard (every milestone done or dropped) answers 409 before the state changes.
      errors: ['not_implementation_owner', 'implementation_incomplete', 'no_project'],
      errorText: { 403: '`not_implementation_owner`.', 409: '`implementation_incomplete`, `no_project`.' },
    },
  )
  completeImplementation(@CallOn() call: CallOn, @Body() input: VersionInput): Promise<IdeaDto> {
    return this.lifecycle.completeImplementation(call.actor, call.id, input.version);
  }

  @Post(':id/close')
  @Lifecycle(
    'closeIdea',
    'The project owner or the network in scope closes a followed-up idea once its last field review is answered.',
    {
      errors: ['not_implementation_owner', 'field_review_pending', ...SCOPED],
      errorText: {
        403: '`not_implementation_owner`, `out_of_scope`.',
        409: '`field_review_pending` (the last field review is not answered), `transition_not_allowed`, `stale_version`.',
      },
    },
  )
  close(@CallOn() call: CallOn, @Body() input: VersionInput): Promise<IdeaDto> {
    return this.lifecycle.close(call.actor, call.id, input.version);
  }
}
