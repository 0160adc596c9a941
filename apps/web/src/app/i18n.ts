import type { ErrorCode } from '@eclore/domain';
import { defineText, type Param } from '../i18n/text';

/** Messages for the server's error codes (its catalogue: a code it cannot answer is a type error), and the fallbacks. */
type ProblemTexts = Partial<Record<ErrorCode, string>> & { network_error: string; generic: string };

/** Strings of the app shell (layout, navigation, error pages, roles, common problems), French (reference) and English. */
export const fr = {
  app: {
    name: 'Éclore',
    tagline: 'La boîte à idées de l’intranet',
    skipToContent: 'Aller au contenu principal',
    loading: 'Chargement de la page…',
    menu: 'Menu',
    titleSuffix: 'Éclore',
  },
  nav: {
    label: 'Navigation principale',
    home: 'Accueil',
    ideas: 'Idées',
    campaigns: 'Appels à idées',
    myIdeas: 'Mes idées',
    intake: 'Idées à vérifier',
    reviewQueue: 'Ma file de revue',
    late: 'En retard',
    portfolio: 'Portefeuille',
    qualification: 'Qualification',
    committee: 'Comité de pilotage',
    impact: 'Impact',
    recognition: 'Reconnaissance',
    recognitionFigures: 'Chiffres de l’innovation',
    recognitionDue: 'Reconnaissances à faire',
    moderation: 'Modération',
    directory: 'Annuaire',
    administration: 'Administration',
    anonymity: 'Anonymat',
    contributionClaims: 'Demandes de levée d’anonymat',
  },
  language: {
    label: 'Langue',
    fr: 'Français',
    en: 'English',
  },
  footer: {
    about: 'Éclore fait éclore les idées des collaboratrices et collaborateurs, de l’émergence au suivi.',
    apiDocs: 'Documentation de l’API',
  },
  notFound: {
    title: 'Page introuvable',
    lead: 'L’adresse demandée ne correspond à aucune page d’Éclore.',
    backHome: 'Retour à l’accueil',
  },
  forbidden: {
    title: 'Accès refusé',
    lead: 'Vos rôles ne permettent pas d’ouvrir cette page.',
  },
  userMenu: {
    label: 'Compte :',
    profile: 'Mon profil',
    signOut: 'Se déconnecter',
  },
  roles: {
    employee: 'Collaboratrice ou collaborateur',
    network_member: 'Membre du réseau des innovateurs',
    network_lead: 'Responsable du réseau des innovateurs',
    committee_member: 'Membre du comité de pilotage',
    hr: 'Ressources humaines',
    admin: 'Administratrice ou administrateur',
    anonymity_guardian: 'Tiers de confiance',
  },
  scope: {
    organisation: 'toute l’organisation',
    orgUnit: ({ name }: { name: Param }) => `limité à : ${name}`,
    theme: ({ name }: { name: Param }) => `thème : ${name}`,
  },
  problems: {
    role_required: 'Votre rôle ne permet pas cette action.',
    second_admin_required:
      'Un autre administrateur doit approuver : ni celui qui l’a demandé, ni la personne qui reçoit le rôle.',
    role_request_pending: 'Cette attribution attend déjà l’approbation d’un second administrateur.',
    not_on_yourself: 'Vous ne pouvez pas faire cela sur votre propre compte.',
    role_already_granted: 'Cette personne a déjà ce rôle avec ce périmètre.',
    person_inactive: 'Réactivez ce compte avant de lui attribuer un rôle.',
    person_already_inactive: 'Ce compte est déjà désactivé.',
    personal_data_export_expired: 'Ce lien de téléchargement a expiré. Préparez un nouveau téléchargement.',
    personal_data_export_not_ready: 'Cette archive n’est pas encore prête.',
    personal_data_export_not_found: 'Cette archive n’existe pas.',
    person_already_active: 'Ce compte est déjà actif.',
    role_grant_not_found: 'Ce rôle a déjà été retiré.',
    person_not_found: 'Cette personne n’existe pas.',
    validation_failed: 'Certains champs ne sont pas valides.',
    csrf_failed: 'Votre session a changé. Rechargez la page et réessayez.',
    unauthenticated: 'Votre session a pris fin. Reconnectez-vous.',
    network_error: 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.',
    generic: 'Une erreur est survenue. Réessayez.',
  } satisfies ProblemTexts,
};

export const en: typeof fr = {
  app: {
    name: 'Éclore',
    tagline: 'The intranet innovation box',
    skipToContent: 'Skip to main content',
    loading: 'Loading the page…',
    menu: 'Menu',
    titleSuffix: 'Éclore',
  },
  nav: {
    label: 'Main navigation',
    home: 'Home',
    ideas: 'Ideas',
    campaigns: 'Calls for ideas',
    myIdeas: 'My ideas',
    late: 'Late',
    intake: 'Ideas to check',
    reviewQueue: 'My review queue',
    portfolio: 'Portfolio',
    qualification: 'Qualification',
    committee: 'Steering committee',
    impact: 'Impact',
    recognition: 'Recognition',
    recognitionFigures: 'Innovation figures',
    recognitionDue: 'Recognition due',
    moderation: 'Moderation',
    directory: 'Directory',
    administration: 'Administration',
    anonymity: 'Anonymity',
    contributionClaims: 'Requests to be named',
  },
  language: {
    label: 'Language',
    fr: 'Français',
    en: 'English',
  },
  footer: {
    about: 'Éclore helps employees’ ideas bloom, from first spark to follow-up.',
    apiDocs: 'API documentation',
  },
  notFound: {
    title: 'Page not found',
    lead: 'The requested address does not match any page of Éclore.',
    backHome: 'Back to the home page',
  },
  forbidden: {
    title: 'Access denied',
    lead: 'Your roles do not allow you to open this page.',
  },
  userMenu: {
    label: 'Account:',
    profile: 'My profile',
    signOut: 'Sign out',
  },
  roles: {
    employee: 'Employee',
    network_member: 'Innovation network member',
    network_lead: 'Innovation network lead',
    committee_member: 'Steering committee member',
    hr: 'Human resources',
    admin: 'Administrator',
    anonymity_guardian: 'Anonymity guardian',
  },
  scope: {
    organisation: 'whole organisation',
    orgUnit: ({ name }: { name: Param }) => `limited to: ${name}`,
    theme: ({ name }: { name: Param }) => `theme: ${name}`,
  },
  problems: {
    role_required: 'Your role does not allow this.',
    second_admin_required:
      'Another admin must approve this: not the one who asked for it, nor the person who receives it.',
    role_request_pending: 'This grant is already waiting for a second admin’s approval.',
    not_on_yourself: 'You cannot do this to your own account.',
    role_already_granted: 'This person already holds this role with this scope.',
    person_inactive: 'Reactivate this account before granting it a role.',
    person_already_inactive: 'This account is already deactivated.',
    person_already_active: 'This account is already active.',
    role_grant_not_found: 'This role was already revoked.',
    person_not_found: 'This person does not exist.',
    personal_data_export_expired: 'This download link has expired. Prepare a new download.',
    personal_data_export_not_ready: 'This archive is not ready yet.',
    personal_data_export_not_found: 'This archive does not exist.',
    validation_failed: 'Some fields are not valid.',
    csrf_failed: 'Your session changed. Reload the page and try again.',
    unauthenticated: 'Your session has ended. Sign in again.',
    network_error: 'The server does not answer. Check your connection and try again.',
    generic: 'Something went wrong. Try again.',
  },
};

export type AppText = typeof fr;

export const useAppText = defineText({ fr, en });
