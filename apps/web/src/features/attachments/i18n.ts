import { defineText } from '../../i18n/text';

export { useLocale } from '../../i18n/text';

/** Strings of the attachments block, French (reference) and English. */
export const fr = {
  title: 'Pièces jointes',
  empty: 'Aucune pièce jointe.',
  choose: 'Ajouter une pièce jointe',
  hint: (max: string, count: number) =>
    `Images PNG, JPEG, WebP ou documents PDF, ${max} au plus, ${count} fichiers par idée. Les métadonnées (auteur, position GPS…) sont retirées.`,
  uploading: (name: string) => `Envoi de ${name}`,
  uploaded: (name: string) => `${name} a été ajouté.`,
  download: (name: string) => `Télécharger ${name}`,
  remove: (name: string) => `Supprimer ${name}`,
  removeTitle: 'Supprimer la pièce jointe ?',
  removeBody: (name: string) => `« ${name} » sera supprimé pour tout le monde.`,
  removeConfirm: 'Supprimer',
  removed: (name: string) => `${name} a été supprimé.`,
  cancel: 'Annuler',
  by: (name: string) => `ajouté par ${name}`,
  errors: {
    unsupported_file_type:
      'Ce fichier n’est ni une image PNG, JPEG ou WebP, ni un PDF (le contenu a été vérifié, pas seulement le nom).',
    unreadable_file: 'Ce fichier est illisible ou endommagé.',
    encrypted_pdf: 'Les PDF protégés par mot de passe ne sont pas acceptés.',
    file_too_large: 'Ce fichier est trop volumineux.',
    image_too_large: 'Cette image a trop de pixels.',
    attachment_limit_reached: 'Cette idée a déjà le nombre maximal de pièces jointes.',
    idea_not_editable: 'Les pièces jointes ne peuvent plus être modifiées à ce stade de l’idée.',
    attachment_not_allowed: 'Vous ne pouvez pas modifier les pièces jointes de cette idée.',
    generic: 'Une erreur est survenue. Réessayez.',
  },
};

export const en: typeof fr = {
  title: 'Attachments',
  empty: 'No attachments.',
  choose: 'Add an attachment',
  hint: (max: string, count: number) =>
    `PNG, JPEG or WebP images or PDF documents, at most ${max}, ${count} files per idea. Metadata (author, GPS position…) is removed.`,
  uploading: (name: string) => `Uploading ${name}`,
  uploaded: (name: string) => `${name} was added.`,
  download: (name: string) => `Download ${name}`,
  remove: (name: string) => `Delete ${name}`,
  removeTitle: 'Delete the attachment?',
  removeBody: (name: string) => `“${name}” will be deleted for everyone.`,
  removeConfirm: 'Delete',
  removed: (name: string) => `${name} was deleted.`,
  cancel: 'Cancel',
  by: (name: string) => `added by ${name}`,
  errors: {
    unsupported_file_type:
      'This file is not a PNG, JPEG or WebP image nor a PDF (its content was checked, not just its name).',
    unreadable_file: 'This file cannot be read; it may be damaged.',
    encrypted_pdf: 'Password-protected PDFs are not accepted.',
    file_too_large: 'This file is too large.',
    image_too_large: 'This image has too many pixels.',
    attachment_limit_reached: 'This idea already has the maximum number of attachments.',
    idea_not_editable: 'Attachments can no longer be changed at this stage of the idea.',
    attachment_not_allowed: 'You may not change the attachments of this idea.',
    generic: 'Something went wrong. Try again.',
  },
};

export type AttachmentsText = typeof fr;

export const useAttachmentsText = defineText({ fr, en });

export function errorText(s: AttachmentsText, code: string | undefined): string {
  return code && code in s.errors ? s.errors[code as keyof AttachmentsText['errors']] : s.errors.generic;
}
