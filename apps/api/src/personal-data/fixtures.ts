// Test helpers for the personal-data API tests: a person's traces written straight into the database
// (each context's commands have their own tests; here only what export and erasure find matters),
// and a reader for the tar.gz archive.
import { gunzipSync } from 'node:zlib';
import type { DataSource } from 'typeorm';
import type { FileStorage } from '@eclore/server-platform';

export interface Traces {
  commentId: string;
  attachmentId: string;
  attachmentBytes: Buffer;
  noteId: string;
  scorecardId: string;
}

/**
 * `personId` comments, supports and follows `ideaId`, scores and writes a private note on it, receives
 * a notification about it, sets a preference, and uploads an attachment to `ownIdeaId`.
 */
export async function leaveTraces(
  ds: DataSource,
  storage: FileStorage,
  personId: string,
  ideaId: string,
  ownIdeaId: string,
  tag: string,
): Promise<Traces> {
  const [comment] = (await ds.query(
    `INSERT INTO idea_comment (idea_id, author_id, body_html) VALUES ($1, $2, $3) RETURNING id`,
    [ideaId, personId, `<p>comment ${tag}</p>`],
  )) as { id: string }[];
  await ds.query('INSERT INTO support (idea_id, person_id) VALUES ($1, $2)', [ideaId, personId]);
  await ds.query('INSERT INTO idea_follow (idea_id, person_id) VALUES ($1, $2)', [ideaId, personId]);
  const [scorecard] = (await ds.query(
    `INSERT INTO scorecard (idea_id, reviewer_id, status, scores, comment) VALUES ($1, $2, 'draft', '{"value": 4}', $3) RETURNING id`,
    [ideaId, personId, `score ${tag}`],
  )) as { id: string }[];
  const [note] = (await ds.query(
    `INSERT INTO private_note (idea_id, author_id, body_html) VALUES ($1, $2, $3) RETURNING id`,
    [ideaId, personId, `<p>note ${tag}</p>`],
  )) as { id: string }[];
  const [event] = (await ds.query(
    `INSERT INTO idea_event (idea_id, type, public, data) VALUES ($1, 'commented', true, '{}') RETURNING id`,
    [ideaId],
  )) as { id: string }[];
  await ds.query(
    `INSERT INTO notification (recipient_id, idea_id, event_id, event_type, category) VALUES ($1, $2, $3, 'commented', 'activity')`,
    [personId, ideaId, event?.id],
  );
  await ds.query(
    `INSERT INTO notification_preference (person_id, category, frequency) VALUES ($1, 'activity', 'daily')`,
    [personId],
  );
  const attachmentBytes = Buffer.from(`%PDF-1.4 attachment of ${tag}`);
  const [attachment] = (await ds.query(
    `INSERT INTO idea_attachment (idea_id, storage_key, file_name, content_type, size_bytes, uploaded_by)
     VALUES ($1, 'pending', $2, 'application/pdf', $3, $4) RETURNING id`,
    [ownIdeaId, `Étude ${tag}.pdf`, attachmentBytes.length, personId],
  )) as { id: string }[];
  const key = `idea-attachments/${ownIdeaId}/${attachment?.id}.pdf`;
  await storage.put(key, attachmentBytes);
  await ds.query('UPDATE idea_attachment SET storage_key = $2 WHERE id = $1', [attachment?.id, key]);
  return {
    commentId: comment?.id ?? '',
    attachmentId: attachment?.id ?? '',
    attachmentBytes,
    noteId: note?.id ?? '',
    scorecardId: scorecard?.id ?? '',
  };
}

/** The files of a tar.gz archive, by name. */
export function untarGz(archive: Buffer): Map<string, Buffer> {
  const tar = gunzipSync(archive);
  const files = new Map<string, Buffer>();
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(header.subarray(124, 136).toString('ascii').replace(/\0.*$/s, ''), 8);
    files.set(name, Buffer.from(tar.subarray(offset + 512, offset + 512 + size)));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

export interface RealisationTraces {
  logEntryId: string;
  projectId: string;
  projectUpdateId: string;
  fieldReviewId: string;
  claimId: string;
  recognitionId: string;
}

/**
 * `personId` in the realisation and recognition of `ideaId`: a team member who writes in the
 * experiment's log book, owns the project, posts an update and answers a field review, claims their
 * contributions and has a recognition due.
 */
export async function leaveRealisationTraces(
  ds: DataSource,
  personId: string,
  ideaId: string,
  tag: string,
): Promise<RealisationTraces> {
  const one = async (sql: string, params: unknown[]): Promise<string> =>
    ((await ds.query(sql, params)) as { id: string }[])[0]?.id ?? '';
  await ds.query(`INSERT INTO idea_team_member (idea_id, person_id, role) VALUES ($1, $2, 'member')`, [
    ideaId,
    personId,
  ]);
  const experimentId = await one(
    `INSERT INTO experiment (idea_id, what_is_tried, where_tried, with_whom, starts_on, ends_on, created_by)
     VALUES ($1, 'a form', 'one office', 'five agents', current_date, current_date + 30, $2) RETURNING id`,
    [ideaId, personId],
  );
  const hypothesisId = await one(
    `INSERT INTO experiment_hypothesis (experiment_id, version, change, audience, expected_result, created_by)
     VALUES ($1, 1, 'change', 'audience', 'result', $2) RETURNING id`,
    [experimentId, personId],
  );
  const logEntryId = await one(
    `INSERT INTO log_entry (experiment_id, hypothesis_id, writer_id, body_html, occurred_on)
     VALUES ($1, $2, $3, $4, current_date) RETURNING id`,
    [experimentId, hypothesisId, personId, `<p>log ${tag}</p>`],
  );
  const projectId = await one(
    `INSERT INTO implementation_project (idea_id, owner_id, org_unit_id, starts_on, created_by)
     VALUES ($1, $2, (SELECT id FROM org_unit ORDER BY id LIMIT 1), current_date, $2) RETURNING id`,
    [ideaId, personId],
  );
  const projectUpdateId = await one(
    `INSERT INTO project_update (project_id, author_id, body_html) VALUES ($1, $2, $3) RETURNING id`,
    [projectId, personId, `<p>update ${tag}</p>`],
  );
  const fieldReviewId = await one(
    `INSERT INTO field_review (project_id, ordinal, months_after_go_live, due_at, remind_at, late_at,
                               answered_at, answered_by, what_happened, unexpected, who_uses_it)
     VALUES ($1, 1, 6, now(), now() + interval '1 day', now() + interval '2 days', now(), $2, $3, 'nothing', 'the desk')
     RETURNING id`,
    [projectId, personId, `review ${tag}`],
  );
  const claimId = await one(`INSERT INTO contribution_claim (idea_id, person_id) VALUES ($1, $2) RETURNING id`, [
    ideaId,
    personId,
  ]);
  const recognitionId = await one(
    `INSERT INTO recognition (idea_id, milestone, person_id) VALUES ($1, 'idea_accepted', $2) RETURNING id`,
    [ideaId, personId],
  );
  return { logEntryId, projectId, projectUpdateId, fieldReviewId, claimId, recognitionId };
}
