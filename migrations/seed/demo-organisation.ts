import type { GrantableRole, Locale } from '@eclore/domain';

/**
 * The demo organisation: three directions of a French-speaking public administration, people with
 * names one meets in Geneva, Québec and France, and one account per role (see docs/demo-accounts.md).
 * Employee numbers start with DEMO- so the seed recognises its own people.
 */

export const DEMO_EMAIL_DOMAIN = 'eclore.example';
export const DEMO_EMPLOYEE_PREFIX = 'DEMO-';
/** Same for every demo account; passes the password policy (the seed checks). Documented in docs/demo-accounts.md. */
export const DEMO_PASSWORD = 'Eclore-Demo-2026!';

export interface DemoUnit {
  code: string;
  name: string;
  kind: 'direction' | 'service' | 'unit';
  parent: string | null;
}

export const DEMO_UNITS: readonly DemoUnit[] = [
  { code: 'DF', name: 'Direction des finances', kind: 'direction', parent: null },
  { code: 'DF-BUD', name: 'Service du budget et du contrôle de gestion', kind: 'service', parent: 'DF' },
  { code: 'DF-CPT', name: 'Service de la comptabilité', kind: 'service', parent: 'DF' },
  { code: 'DF-RH', name: 'Service des ressources humaines', kind: 'service', parent: 'DF' },
  { code: 'DS', name: 'Direction de la santé', kind: 'direction', parent: null },
  { code: 'DS-PREV', name: 'Service de la prévention', kind: 'service', parent: 'DS' },
  { code: 'DS-SOINS', name: 'Service des soins à domicile', kind: 'service', parent: 'DS' },
  { code: 'DS-SOINS-NUIT', name: 'Unité de soins de nuit', kind: 'unit', parent: 'DS-SOINS' },
  { code: 'DN', name: 'Direction du numérique', kind: 'direction', parent: null },
  { code: 'DN-INFRA', name: 'Service des infrastructures', kind: 'service', parent: 'DN' },
  { code: 'DN-APP', name: 'Service des applications métier', kind: 'service', parent: 'DN' },
  { code: 'DN-DATA', name: 'Service des données', kind: 'service', parent: 'DN' },
];

export interface DemoGrant {
  role: GrantableRole;
  /** Org unit code for a scoped grant; absent = the whole organisation. */
  scopeUnit?: string;
}

export interface DemoPerson {
  number: string;
  givenName: string;
  familyName: string;
  unit: string;
  locale?: Locale;
  grants?: readonly DemoGrant[];
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  // --- one account per role (docs/demo-accounts.md) ---
  { number: '0001', givenName: 'Claire', familyName: 'Rochat', unit: 'DN', grants: [{ role: 'admin' }] },
  { number: '0002', givenName: 'Martine', familyName: 'Favre', unit: 'DF-RH', grants: [{ role: 'hr' }] },
  { number: '0003', givenName: 'Julien', familyName: 'Tremblay', unit: 'DN-APP', grants: [{ role: 'network_member' }] },
  {
    number: '0004',
    givenName: 'Nathalie',
    familyName: 'Gagnon',
    unit: 'DS-PREV',
    grants: [{ role: 'network_member', scopeUnit: 'DS' }],
  },
  { number: '0005', givenName: 'Philippe', familyName: 'Morel', unit: 'DF', grants: [{ role: 'committee_member' }] },
  { number: '0006', givenName: 'Sophie', familyName: 'Bouchard', unit: 'DS', grants: [{ role: 'committee_member' }] },
  {
    number: '0007',
    givenName: 'Hélène',
    familyName: 'Dubois',
    unit: 'DF-CPT',
    grants: [{ role: 'anonymity_guardian' }],
  },
  { number: '0008', givenName: 'Lucas', familyName: 'Girard', unit: 'DS-SOINS' },
  { number: '0009', givenName: 'Emily', familyName: 'Wilson', unit: 'DN-DATA', locale: 'en' },
  // --- colleagues ---
  { number: '0010', givenName: 'Antoine', familyName: 'Mercier', unit: 'DF', grants: [{ role: 'committee_member' }] },
  { number: '0011', givenName: 'Isabelle', familyName: 'Perret', unit: 'DF-BUD' },
  { number: '0012', givenName: 'Thomas', familyName: 'Berthoud', unit: 'DF-BUD' },
  { number: '0013', givenName: 'Camille', familyName: 'Lefebvre', unit: 'DF-BUD' },
  { number: '0014', givenName: 'Olivier', familyName: 'Pelletier', unit: 'DF-CPT' },
  { number: '0015', givenName: 'Mélanie', familyName: 'Roy', unit: 'DF-CPT' },
  { number: '0016', givenName: 'Nicolas', familyName: 'Chevalley', unit: 'DF-CPT' },
  { number: '0017', givenName: 'Sandrine', familyName: 'Bonvin', unit: 'DF-RH' },
  { number: '0018', givenName: 'Mathieu', familyName: 'Côté', unit: 'DF-RH' },
  { number: '0019', givenName: 'Véronique', familyName: 'Pittet', unit: 'DS' },
  { number: '0020', givenName: 'François', familyName: 'Lavoie', unit: 'DS-PREV' },
  { number: '0021', givenName: 'Chloé', familyName: 'Martin', unit: 'DS-PREV' },
  { number: '0022', givenName: 'Marc-André', familyName: 'Bergeron', unit: 'DS-PREV' },
  { number: '0023', givenName: 'Aurélie', familyName: 'Monnier', unit: 'DS-SOINS' },
  { number: '0024', givenName: 'Kevin', familyName: 'Nguyen', unit: 'DS-SOINS' },
  { number: '0025', givenName: 'Fatima', familyName: 'Benali', unit: 'DS-SOINS' },
  { number: '0026', givenName: 'Laurent', familyName: 'Jaquet', unit: 'DS-SOINS-NUIT' },
  { number: '0027', givenName: 'Geneviève', familyName: 'Fortin', unit: 'DS-SOINS-NUIT' },
  { number: '0028', givenName: 'Yves', familyName: 'Baud', unit: 'DS-SOINS-NUIT' },
  { number: '0029', givenName: 'Anne-Sophie', familyName: 'Gauthier', unit: 'DS-SOINS-NUIT' },
  // Leads the innovation network: late ideas are escalated to him (answer-time guarantee).
  { number: '0030', givenName: 'David', familyName: 'Rossier', unit: 'DN', grants: [{ role: 'network_lead' }] },
  { number: '0031', givenName: 'Marie-Ève', familyName: 'Ouellet', unit: 'DN-INFRA' },
  { number: '0032', givenName: 'Sébastien', familyName: 'Vuilleumier', unit: 'DN-INFRA' },
  { number: '0033', givenName: 'Pauline', familyName: 'Garnier', unit: 'DN-INFRA' },
  { number: '0034', givenName: 'Alexandre', familyName: 'Morin', unit: 'DN-APP' },
  { number: '0035', givenName: 'Léa', familyName: 'Duchêne', unit: 'DN-APP' },
  { number: '0036', givenName: 'Karim', familyName: 'Haddad', unit: 'DN-APP' },
  { number: '0037', givenName: 'Élodie', familyName: 'Masson', unit: 'DN-DATA' },
  { number: '0038', givenName: 'Guillaume', familyName: 'Caron', unit: 'DN-DATA' },
  { number: '0039', givenName: 'Josée', familyName: 'Lapointe', unit: 'DN-DATA' },
  { number: '0040', givenName: 'Bernard', familyName: 'Zufferey', unit: 'DF' },
];

/** prénom.nom, without accents, spaces or apostrophes: claire.rochat@…, marc-andre.bergeron@…. */
export function demoEmail(person: Pick<DemoPerson, 'givenName' | 'familyName'>): string {
  const slug = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '');
  return `${slug(person.givenName)}.${slug(person.familyName)}@${DEMO_EMAIL_DOMAIN}`;
}
