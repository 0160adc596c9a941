import { defineText } from '../../i18n/text';

/** Strings of the rich-text editor and the attachments block, French (reference) and English. */
export const fr = {
  toolbar: 'Mise en forme',
  bold: 'Gras',
  italic: 'Italique',
  underline: 'Souligné',
  strike: 'Barré',
  heading3: 'Intertitre H3',
  heading4: 'Sous-intertitre H4',
  bulletList: 'Liste à puces',
  orderedList: 'Liste numérotée',
  blockquote: 'Citation',
  code: 'Code',
  codeBlock: 'Bloc de code',
  link: 'Lien',
  linkPrompt: 'Adresse du lien (https://, http:// ou mailto:) ; vide pour retirer le lien',
  linkRefused: 'Seules les adresses https://, http:// et mailto: sont acceptées.',
  loading: 'Chargement de l’éditeur…',
};

export const en: typeof fr = {
  toolbar: 'Formatting',
  bold: 'Bold',
  italic: 'Italic',
  underline: 'Underline',
  strike: 'Strikethrough',
  heading3: 'Heading H3',
  heading4: 'Subheading H4',
  bulletList: 'Bulleted list',
  orderedList: 'Numbered list',
  blockquote: 'Quote',
  code: 'Code',
  codeBlock: 'Code block',
  link: 'Link',
  linkPrompt: 'Link address (https://, http:// or mailto:); empty to remove the link',
  linkRefused: 'Only https://, http:// and mailto: addresses are accepted.',
  loading: 'Loading the editor…',
};

export type EditorText = typeof fr;

export const useEditorText = defineText({ fr, en });
