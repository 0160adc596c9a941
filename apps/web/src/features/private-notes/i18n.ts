import { defineText } from '../../i18n/text';

export { useLocale } from '../../i18n/text';

/** Private notes strings, French (reference) and English (same shape), beside the feature. */
export const fr = {
  title: 'Notes privées',
  lead: 'Visibles seulement par le réseau des innovateurs et le comité de pilotage : ni les auteurs, ni les autres collaborateurs ne les voient.',
  empty: 'Aucune note pour l’instant.',
  label: 'Nouvelle note',
  hint: 'Mentionnez une personne du réseau ou du comité pour la prévenir.',
  send: 'Ajouter la note',
  sending: 'Envoi…',
  by: (name: string, when: string) => `${name}, ${when}`,
  errors: {
    generic: 'La note n’a pas pu être ajoutée. Réessayez.',
    required: 'Écrivez la note.',
    mention_not_allowed: 'Une personne mentionnée ne peut pas lire les notes privées de cette idée.',
    too_many_mentions: 'Trop de personnes mentionnées.',
  },
};

export const en: typeof fr = {
  title: 'Private notes',
  lead: 'Seen only by the innovation network and the steering committee: neither the authors nor other colleagues see them.',
  empty: 'No note yet.',
  label: 'New note',
  hint: 'Mention someone of the network or the committee to tell them.',
  send: 'Add the note',
  sending: 'Sending…',
  by: (name: string, when: string) => `${name}, ${when}`,
  errors: {
    generic: 'The note could not be added. Try again.',
    required: 'Write the note.',
    mention_not_allowed: 'Someone mentioned may not read this idea’s private notes.',
    too_many_mentions: 'Too many people mentioned.',
  },
};

export const usePrivateNotesText = defineText({ fr, en });
