import type { DomainErrorKind } from './domain-error';

/**
 * The catalogue of every `code` a problem+json answer of the API can carry, with its HTTP status.
 * One list so the server documents each route's errors from it (`@Endpoint({ errors })`) and the
 * web app turns each code into a message. A code keeps its status forever: clients rely on both.
 * `platform`'s error-catalogue spec checks the server's error sites against this list.
 */
export const ERROR_CODES = {
  // 400: the request itself is wrong (each field is named in `errors` for validation_failed).
  validation_failed: 400,
  bad_request: 400,
  malformed_body: 400,
  /** A value PostgreSQL refused that validation should have caught (the answer carries an errorId). */
  invalid_value: 400,

  // 401: who is asking is unknown.
  unauthenticated: 401,
  invalid_credentials: 401,

  // 403: who is asking may not do this. Most are the permission policy's refusal reasons.
  forbidden: 403,
  csrf_failed: 403,
  permission_undeclared: 403,
  role_required: 403,
  out_of_scope: 403,
  is_author: 403,
  not_assigned: 403,
  not_author: 403,
  not_author_or_network: 403,
  not_on_yourself: 403,
  own_idea: 403,
  not_public: 403,
  person_required: 403,
  second_admin_required: 403,
  not_idea_team: 403,
  not_implementation_owner: 403,
  not_due: 403,
  system_not_allowed: 403,
  idea_not_editable: 403,
  attachment_not_allowed: 403,
  own_measurement: 403,
  /** A report download link whose signature does not match (tampered, or for another file). */
  download_link_invalid: 403,
  /** A report download link past its expiry: ask the report page for a fresh one. */
  download_link_expired: 403,
  not_team_member: 403,
  not_log_entry_writer: 403,
  not_the_person: 403,
  own_recognition: 403,
  /** comment.adopt: one's own comment is not adopted (its writer would credit themselves). */
  own_comment: 403,
  /** comment.adopt: a comment by one of the idea's authors credits nobody new. */
  author_comment: 403,

  // 404: `<what>_not_found` (NotFound), or a route that does not exist.
  not_found: 404,
  route_not_found: 404,
  absence_not_found: 404,
  agenda_item_not_found: 404,
  attachment_not_found: 404,
  campaign_not_found: 404,
  comment_not_found: 404,
  committee_session_not_found: 404,
  delivery_not_found: 404,
  directory_import_not_found: 404,
  idea_not_found: 404,
  idea_link_not_found: 404,
  invitation_not_found: 404,
  experiment_not_found: 404,
  log_entry_not_found: 404,
  org_unit_not_found: 404,
  person_not_found: 404,
  personal_data_export_not_found: 404,
  report_not_found: 404,
  annual_report_run_not_found: 404,
  role_grant_not_found: 404,
  role_request_not_found: 404,
  webhook_not_found: 404,
  webhook_delivery_not_found: 404,
  field_review_not_found: 404,
  implementation_project_not_found: 404,
  impact_indicator_not_found: 404,
  impact_measurement_not_found: 404,
  project_not_found: 404,
  milestone_not_found: 404,
  contribution_claim_not_found: 404,
  recognition_not_found: 404,

  method_not_allowed: 405,
  not_acceptable: 406,

  // 409: the request is fine but the thing's state refuses it now.
  conflict: 409,
  stale_version: 409,
  transition_not_allowed: 409,
  already_assigned: 409,
  already_decided: 409,
  already_invited: 409,
  already_on_agenda: 409,
  already_reported: 409,
  already_submitted: 409,
  attachment_limit_reached: 409,
  campaign_archived: 409,
  comments_closed: 409,
  /** comment.adopt: a comment hidden by moderation is not adopted. */
  comment_hidden: 409,
  supports_closed: 409,
  idea_ended: 409,
  idea_changed: 409,
  delivery_not_failed: 409,
  delivery_pending: 409,
  no_scorecard: 409,
  not_anonymous: 409,
  nothing_to_claim: 409,
  claim_pending: 409,
  claim_decided: 409,
  not_editable: 409,
  not_in_qualification: 409,
  not_qualified: 409,
  person_already_active: 409,
  person_already_inactive: 409,
  person_inactive: 409,
  personal_data_export_expired: 409,
  personal_data_export_not_ready: 409,
  report_resolved: 409,
  role_already_granted: 409,
  role_request_pending: 409,
  session_closed: 409,
  session_not_in_session: 409,
  session_status: 409,
  webhook_inactive: 409,
  field_review_pending: 409,
  field_review_answered: 409,
  field_review_not_due: 409,
  indicator_has_measurements: 409,
  measurement_already_validated: 409,
  project_exists: 409,
  no_project: 409,
  project_not_open: 409,
  implementation_incomplete: 409,
  not_implemented: 409,
  replication_exists: 409,
  already_member: 409,
  join_as_author: 409,
  no_idea_team: 409,
  invitation_not_pending: 409,
  team_lead_cannot_leave: 409,
  experiment_exists: 409,
  experiment_not_running: 409,
  not_in_prototype: 409,
  edit_window_closed: 409,
  recognition_not_due: 409,
  recognition_not_recorded: 409,
  recognition_not_public: 409,
  annual_report_not_ready: 409,

  payload_too_large: 413,
  file_too_large: 413,
  image_too_large: 413,

  unsupported_media_type: 415,
  unsupported_file_type: 415,
  unreadable_file: 415,
  encrypted_pdf: 415,

  unprocessable: 422,
  rate_limited: 429,
  /** Another 4xx raised by the framework that has no code of its own; its status is kept as raised. */
  client_error: 400,

  internal_error: 500,
  service_unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_CODES;
export type ErrorStatus = (typeof ERROR_CODES)[ErrorCode];

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}

/** The status of each kind of DomainError (the problem filter answers with it). */
export const STATUS_OF_ERROR_KIND: Readonly<Record<DomainErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
};

/** The code of an error the framework raised with only a status (a 404 route, a 405…). */
export const ERROR_CODE_OF_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  503: 'service_unavailable',
};
