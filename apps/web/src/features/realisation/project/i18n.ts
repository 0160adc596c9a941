import type { MilestoneStatus, ProjectStatus } from '@eclore/domain';
import type { ErrorMessages } from '../../../app/errors';
import { defineText } from '../../../i18n/text';

export { useLocale } from '../../../i18n/text';

/** Strings of the implementation project (mise en œuvre), French (reference) and English. */
export const fr = {
  title: 'Mise en œuvre',
  loading: 'Chargement du projet…',
  loadError: 'Le projet n’a pas pu être chargé.',
  ownerToBeNamed: 'Responsable à nommer : le projet démarre quand son ou sa responsable est nommé·e.',
  nameOwner: 'Nommer le ou la responsable',
  changeOwner: 'Changer de responsable',
  owner: 'Responsable',
  team: 'Équipe',
  anAuthor: 'Un·e auteur·e',
  lead: 'pilote',
  noTeam: 'Pas encore d’équipe.',
  startsOn: 'Début',
  progress: 'Avancement',
  expected: 'Attendu aujourd’hui',
  status: { on_track: 'Dans les temps', at_risk: 'À risque', late: 'En retard', done: 'Terminé' } as Record<
    ProjectStatus,
    string
  >,
  milestones: {
    title: 'Jalons',
    caption: 'Jalons du projet',
    empty: 'Aucun jalon pour le moment.',
    add: 'Ajouter un jalon',
    columns: {
      title: 'Jalon',
      weight: 'Poids',
      due: 'Échéance',
      status: 'État',
      progress: 'Avancement',
      actions: 'Actions',
    },
    status: { open: 'En cours', done: 'Fait', dropped: 'Abandonné' } as Record<MilestoneStatus, string>,
    late: 'en retard',
    edit: 'Modifier',
    done: 'Marquer fait',
    drop: 'Abandonner',
    reopen: 'Rouvrir',
    save: 'Enregistrer',
    progressOf: (title: string) => `Avancement de « ${title} » (%)`,
  },
  milestoneForm: {
    create: 'Nouveau jalon',
    edit: (t: string) => `Modifier « ${t} »`,
    title: 'Intitulé',
    weight: 'Poids (1 à 100)',
    dueOn: 'Échéance',
    progress: 'Avancement (%)',
    cancel: 'Annuler',
    save: 'Enregistrer',
  },
  drop: {
    title: (t: string) => `Abandonner « ${t} »`,
    reason: 'Raison de l’abandon',
    hint: 'Obligatoire : elle reste visible de tous.',
    confirm: 'Abandonner le jalon',
  },
  doneConfirm: {
    title: (t: string) => `« ${t} » est fait ?`,
    confirm: 'Marquer fait',
  },
  chart: {
    title: 'Avancement par jalon',
    summary: (progress: number, expected: number) =>
      `Avancement du projet : ${progress} %, attendu aujourd’hui : ${expected} %.`,
    value: 'Avancement (%)',
    planCaption: 'Avancement attendu à chaque échéance',
    day: 'Date',
    expected: 'Attendu (%)',
  },
  budget: {
    title: 'Budget',
    planned: 'Prévu',
    spent: 'Dépensé',
    remaining: 'Reste',
    overspent: 'Dépassement',
    caption: 'Dépenses',
    label: 'Libellé',
    amount: 'Montant',
    spentOn: 'Date',
    add: 'Enregistrer une dépense',
    editPlanned: 'Modifier le budget prévu',
    empty: 'Aucune dépense.',
  },
  updates: {
    title: 'Points d’étape',
    empty: 'Aucun point d’étape.',
    add: 'Publier un point d’étape',
    body: 'Point d’étape',
    by: (name: string, date: string) => `${name}, le ${date}`,
  },
  goLive: {
    button: 'Mettre en service',
    confirm: 'Mettre en service',
    title: 'Mettre en service ?',
    body: 'Le projet se termine et l’idée passe en suivi. Les jalons ne pourront plus changer.',
    refused:
      'Mise en service impossible : chaque jalon doit être fait, ou abandonné avec une raison, et au moins un jalon doit être fait.',
    done: (date: string) => `Mise en service le ${date}.`,
  },
  ownerForm: {
    title: 'Responsable de la mise en œuvre',
    search: 'Rechercher une personne',
    choose: 'Choisir',
    chosen: (name: string) => `Choisi·e : ${name}`,
    startsOn: 'Date de début',
    budget: 'Budget prévu',
    save: 'Nommer',
    cancel: 'Annuler',
    required: 'Choisissez une personne.',
  },
  errors: {
    required: 'Ce champ est obligatoire.',
    out_of_range: 'Valeur hors des limites.',
    before_start: 'L’échéance précède le début du projet.',
    unknown_person: 'Personne inconnue ou inactive.',
    stale_version: 'Quelqu’un a modifié ce jalon entre-temps : rechargez et refaites votre modification.',
    implementation_incomplete:
      'Chaque jalon doit être fait, ou abandonné avec une raison, et au moins un jalon doit être fait.',
    project_not_open: 'Le projet est mis en service : son plan est clos.',
    project_exists: 'Le projet existe déjà.',
    forbidden: 'Vous ne pouvez pas faire cela.',
    generic: 'L’action a échoué. Réessayez.',
  } as ErrorMessages & Record<string, string>,
};

export const en: typeof fr = {
  title: 'Implementation',
  loading: 'Loading the project…',
  loadError: 'The project could not be loaded.',
  ownerToBeNamed: 'Owner to be named: the project starts when its owner is named.',
  nameOwner: 'Name the owner',
  changeOwner: 'Change the owner',
  owner: 'Owner',
  team: 'Team',
  anAuthor: 'An author',
  lead: 'lead',
  noTeam: 'No team yet.',
  startsOn: 'Start',
  progress: 'Progress',
  expected: 'Expected today',
  status: { on_track: 'On track', at_risk: 'At risk', late: 'Late', done: 'Done' },
  milestones: {
    title: 'Milestones',
    caption: 'Project milestones',
    empty: 'No milestone yet.',
    add: 'Add a milestone',
    columns: {
      title: 'Milestone',
      weight: 'Weight',
      due: 'Due',
      status: 'Status',
      progress: 'Progress',
      actions: 'Actions',
    },
    status: { open: 'Open', done: 'Done', dropped: 'Dropped' },
    late: 'late',
    edit: 'Edit',
    done: 'Mark done',
    drop: 'Drop',
    reopen: 'Reopen',
    save: 'Save',
    progressOf: (title) => `Progress of “${title}” (%)`,
  },
  milestoneForm: {
    create: 'New milestone',
    edit: (t) => `Edit “${t}”`,
    title: 'Title',
    weight: 'Weight (1 to 100)',
    dueOn: 'Due',
    progress: 'Progress (%)',
    cancel: 'Cancel',
    save: 'Save',
  },
  drop: {
    title: (t) => `Drop “${t}”`,
    reason: 'Why it is dropped',
    hint: 'Required: everyone can read it.',
    confirm: 'Drop the milestone',
  },
  doneConfirm: {
    title: (t) => `Is “${t}” done?`,
    confirm: 'Mark done',
  },
  chart: {
    title: 'Progress per milestone',
    summary: (progress, expected) => `Project progress: ${progress}%, expected today: ${expected}%.`,
    value: 'Progress (%)',
    planCaption: 'Progress expected at each due date',
    day: 'Date',
    expected: 'Expected (%)',
  },
  budget: {
    title: 'Budget',
    planned: 'Planned',
    spent: 'Spent',
    remaining: 'Remaining',
    overspent: 'Overspent',
    caption: 'Spending',
    label: 'Label',
    amount: 'Amount',
    spentOn: 'Date',
    add: 'Record spending',
    editPlanned: 'Change the planned budget',
    empty: 'No spending.',
  },
  updates: {
    title: 'Updates',
    empty: 'No update yet.',
    add: 'Post an update',
    body: 'Update',
    by: (name, date) => `${name}, ${date}`,
  },
  goLive: {
    button: 'Go live',
    confirm: 'Go live',
    title: 'Go live?',
    body: 'The project ends and the idea moves to follow-up. Milestones can no longer change.',
    refused: 'Cannot go live: every milestone must be done, or dropped with a reason, and at least one must be done.',
    done: (date) => `Went live on ${date}.`,
  },
  ownerForm: {
    title: 'Implementation owner',
    search: 'Search for a person',
    choose: 'Choose',
    chosen: (name) => `Chosen: ${name}`,
    startsOn: 'Start date',
    budget: 'Planned budget',
    save: 'Name',
    cancel: 'Cancel',
    required: 'Choose a person.',
  },
  errors: {
    required: 'This field is required.',
    out_of_range: 'Value out of range.',
    before_start: 'The due date is before the project starts.',
    unknown_person: 'Unknown or inactive person.',
    stale_version: 'Someone changed this milestone meanwhile: reload and apply your change again.',
    implementation_incomplete: 'Every milestone must be done, or dropped with a reason, and at least one must be done.',
    project_not_open: 'The project went live: its plan is closed.',
    project_exists: 'The project exists already.',
    forbidden: 'You may not do this.',
    generic: 'The action failed. Try again.',
  },
};

export type ProjectText = typeof fr;

export const useProjectText = defineText({ fr, en });

export function formatDay(day: string, locale: 'fr' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(day.length === 10 ? `${day}T00:00:00Z` : day),
  );
}

export function formatAmount(amount: number, locale: 'fr' | 'en'): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(amount);
}
