import type { DataSource } from 'typeorm';
import { checkPasswordPolicy, hashPassword } from '@eclore/server-identity';

/** What `npm run create-admin` asks for (scripts/create-admin.mjs reads it from options and stdin). */
export interface CreateAdminInput {
  email: string;
  /** Needed only to create the person; an existing person (same e-mail) keeps their directory data. */
  givenName?: string;
  familyName?: string;
  /** Their HR employee number, so the first directory import recognises them instead of deactivating them. */
  employeeNumber?: string;
  /** null: no local password (sign-in through single sign-on, matched by e-mail). */
  password: string | null;
  locale?: 'fr' | 'en' | null;
}

export interface CreateAdminResult {
  personId: string;
  personCreated: boolean;
  roleGranted: boolean;
  passwordSet: boolean;
}

/** A refusal the command prints as is, in English and French (the option at fault, never a stack). */
export class CreateAdminError extends Error {
  constructor(
    readonly option: string,
    message: string,
    readonly fr: string,
  ) {
    super(message);
    this.name = 'CreateAdminError';
  }
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * The first administrator of a production install (which loads no demo data), or one more later:
 * creates the person when no one has this e-mail, grants the organisation-wide admin role unless held,
 * sets the local password when one is given. One transaction, audited like the same acts in the app
 * (actor null: the operator at the server's console).
 */
export async function createAdmin(dataSource: DataSource, input: CreateAdminInput): Promise<CreateAdminResult> {
  const email = input.email.trim();
  if (!EMAIL.test(email)) throw new CreateAdminError('--email', `"${input.email}" is not an e-mail address.`, `« ${input.email} » n'est pas une adresse e-mail.`);
  if (input.password !== null) {
    const problems = checkPasswordPolicy(input.password, { userInputs: [email, input.givenName ?? '', input.familyName ?? ''] });
    if (problems.length > 0)
      throw new CreateAdminError(
        'password',
        `The password does not pass the password policy: ${problems.map((p) => p.message).join('; ')}`,
        `Le mot de passe ne respecte pas la politique (au moins 12 caractères, difficile à deviner) : ${problems.map((p) => p.code).join(', ')}`,
      );
  }
  const passwordHash = input.password === null ? null : await hashPassword(input.password);

  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('eclore.create-admin'))`);
    const audit = (action: string, subjectId: string, data: Record<string, unknown>) =>
      manager.query(
        `INSERT INTO audit_event (actor_id, action, subject_type, subject_id, data, request_id) VALUES (NULL, $1, 'person', $2, $3::jsonb, NULL)`,
        [action, subjectId, JSON.stringify({ ...data, via: 'create-admin' })],
      );

    const [found] = (await manager.query(`SELECT id, active FROM person WHERE lower(email) = lower($1)`, [email])) as {
      id: string;
      active: boolean;
    }[];
    let personId: string;
    let personCreated = false;
    if (found) {
      if (!found.active)
        throw new CreateAdminError(
          '--email',
          `${email} belongs to a deactivated person; reactivate them first (directory import or the people page).`,
          `${email} appartient à une personne désactivée ; réactivez-la d'abord (import de l'annuaire ou page des personnes).`,
        );
      personId = found.id;
    } else {
      for (const [option, value] of [['--given-name', input.givenName], ['--family-name', input.familyName], ['--employee-number', input.employeeNumber]] as const) {
        if (!value?.trim())
          throw new CreateAdminError(option, `No one has the e-mail ${email}: ${option} is needed to create them.`, `Personne n'a l'adresse ${email} : ${option} est nécessaire pour la créer.`);
      }
      const [taken] = (await manager.query(`SELECT 1 FROM person WHERE employee_number = $1`, [input.employeeNumber!.trim()])) as unknown[];
      if (taken)
        throw new CreateAdminError('--employee-number', `Employee number ${input.employeeNumber} belongs to someone else.`, `Le numéro d'employé ${input.employeeNumber} appartient à quelqu'un d'autre.`);
      const [row] = (await manager.query(
        `INSERT INTO person (employee_number, given_name, family_name, email, active, locale) VALUES ($1, $2, $3, $4, true, $5) RETURNING id`,
        [input.employeeNumber!.trim(), input.givenName!.trim(), input.familyName!.trim(), email, input.locale ?? null],
      )) as { id: string }[];
      personId = row!.id;
      personCreated = true;
      await audit('person.created', personId, {});
    }

    const [held] = (await manager.query(
      `SELECT 1 FROM role_grant WHERE person_id = $1 AND role = 'admin' AND scope_kind = 'organisation' AND revoked_at IS NULL`,
      [personId],
    )) as unknown[];
    if (!held) {
      const [grant] = (await manager.query(
        `INSERT INTO role_grant (person_id, role, scope_kind) VALUES ($1, 'admin', 'organisation') RETURNING id`,
        [personId],
      )) as { id: string }[];
      await audit('role.granted', personId, { grantId: grant!.id, personId, role: 'admin', scope: { kind: 'organisation' } });
    }

    if (passwordHash !== null) {
      await manager.query(
        `INSERT INTO local_credential (person_id, password_hash) VALUES ($1, $2)
         ON CONFLICT (person_id) DO UPDATE SET password_hash = EXCLUDED.password_hash, updated_at = now()`,
        [personId, passwordHash],
      );
    }
    return { personId, personCreated, roleGranted: !held, passwordSet: passwordHash !== null };
  });
}
