import type { ErrorMessages } from '../../../app/errors';
import { defineText } from '../../../i18n/text';

/** Strings of replication (essaimage), French (reference) and English. */
export const fr = {
  title: 'Essaimage',
  adoptedFrom: 'Adoptée depuis',
  adoptedBy: (n: number) => `Adoptée par ${n} unité${n > 1 ? 's' : ''}`,
  inUnit: (unit: string) => `dans l’unité ${unit}`,
  creditAuthorsOf: (title: string) => `Mérite : les auteur·es de « ${title} »`,
  creditNames: (names: string) => ` (${names})`,
  adopt: 'Adopter dans mon unité',
  dialog: {
    title: 'Adopter cette idée dans mon unité',
    unit: 'Unité qui adopte',
    chooseUnit: 'Choisir une unité',
    owner: 'Responsable de la mise en œuvre dans l’unité',
    search: 'Rechercher une personne',
    chosen: (name: string) => `Choisi·e : ${name}`,
    submit: 'Adopter',
    cancel: 'Annuler',
    ownerRequired: 'Choisissez une personne.',
  },
  adoptedOk: 'Adoption enregistrée : l’idée a maintenant sa mise en œuvre dans l’unité.',
  openReplica: 'Voir l’idée adoptée',
  errors: {
    required: 'Ce champ est obligatoire.',
    unknown_unit: 'Unité inconnue.',
    same_unit: 'L’idée est déjà mise en œuvre dans cette unité.',
    unknown_person: 'Personne inconnue ou inactive.',
    replication_exists: 'Cette unité a déjà adopté cette idée.',
    not_implemented: 'Seule une idée mise en service peut être adoptée.',
    out_of_scope: 'Cette unité n’est pas dans votre périmètre.',
    generic: 'L’action a échoué. Réessayez.',
  } as ErrorMessages & Record<string, string>,
};

export const en: typeof fr = {
  title: 'Replication',
  adoptedFrom: 'Adopted from',
  adoptedBy: (n) => `Adopted by ${n} unit${n > 1 ? 's' : ''}`,
  inUnit: (unit) => `in ${unit}`,
  creditAuthorsOf: (title) => `Credit: the authors of “${title}”`,
  creditNames: (names) => ` (${names})`,
  adopt: 'Adopt it in my unit',
  dialog: {
    title: 'Adopt this idea in my unit',
    unit: 'Adopting unit',
    chooseUnit: 'Choose a unit',
    owner: 'Implementation owner in the unit',
    search: 'Search for a person',
    chosen: (name) => `Chosen: ${name}`,
    submit: 'Adopt',
    cancel: 'Cancel',
    ownerRequired: 'Choose a person.',
  },
  adoptedOk: 'Adoption recorded: the idea now has its implementation in the unit.',
  openReplica: 'See the adopted idea',
  errors: {
    required: 'This field is required.',
    unknown_unit: 'Unknown unit.',
    same_unit: 'The idea is already implemented in this unit.',
    unknown_person: 'Unknown or inactive person.',
    replication_exists: 'This unit has already adopted this idea.',
    not_implemented: 'Only an implemented idea can be adopted.',
    out_of_scope: 'This unit is outside your scope.',
    generic: 'The action failed. Try again.',
  },
};

export type ReplicationText = typeof fr;
export const useReplicationText = defineText({ fr, en });
