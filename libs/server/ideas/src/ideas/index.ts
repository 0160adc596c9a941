export { IdeasCoreModule } from './ideas-core.module';
export {
  answerForAuthors,
  IdeaAccess,
  StaleVersion,
  type LoadedIdea,
  type RunCommandOptions,
} from './idea-access.service';
export { IdeaCommandHooks, type IdeaCommandApplied, type IdeaCommandHook } from './idea-command-hooks';
export { IdeaRelations, type IdeaRelationFacts, type IdeaRelationSource } from './idea-relations';
export {
  presentIdea,
  toIdeaState,
  viewerSeesAuthors,
  viewerSeesAuthorRow,
  hiddenActorIds,
  isStaffInScope,
  type IdeaAuthorView,
  type IdeaViewer,
} from './idea-presenter';
export * from './ideas.dto';
export { IdeaLifecycle } from './idea-lifecycle.service';
export { StopIdeaInput } from './idea-lifecycle.dto';
export { IdeaQueries } from './idea-queries.service';
