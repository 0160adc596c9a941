import { defineText } from '../../i18n/text';

/** Strings of the sign-in page, French (reference) and English. */
export const fr = {
  signIn: 'Se connecter',
  title: 'Connexion',
  lead: 'Connectez-vous pour proposer des idées et suivre leur parcours.',
  email: 'Adresse e-mail',
  password: 'Mot de passe',
  submit: 'Se connecter',
  submitting: 'Connexion en cours…',
  sso: 'Se connecter avec le compte de votre organisation',
  or: 'ou avec votre adresse e-mail',
  errors: {
    invalid_credentials: 'Adresse e-mail ou mot de passe incorrect.',
    rate_limited: 'Trop de tentatives infructueuses. Réessayez dans quelques minutes.',
    emailRequired: 'Saisissez votre adresse e-mail.',
    passwordRequired: 'Saisissez votre mot de passe.',
    sso: 'La connexion avec le compte de votre organisation a échoué. Réessayez ou utilisez votre adresse e-mail.',
    // Refusals of single sign-on that trying again will not fix (codes of GET /api/auth/oidc/callback).
    ssoCodes: {
      sso_unknown_person:
        'Votre compte d’organisation est reconnu, mais son adresse e-mail ne figure pas dans l’annuaire d’Éclore. Demandez aux ressources humaines de vous y ajouter.',
      sso_email_unverified:
        'Votre compte d’organisation n’a pas d’adresse e-mail vérifiée : Éclore ne peut pas vous reconnaître.',
      sso_inactive: 'Votre compte Éclore est désactivé. Adressez-vous aux ressources humaines.',
      sso_account_conflict:
        'Votre fiche dans l’annuaire est déjà liée à un autre compte d’organisation. Adressez-vous à un administrateur.',
      sso_expired: 'La connexion a pris trop de temps. Recommencez.',
      sso_disabled: 'La connexion avec le compte de votre organisation n’est pas activée ici.',
    },
  },
};

export const en: typeof fr = {
  signIn: 'Sign in',
  title: 'Sign in',
  lead: 'Sign in to propose ideas and follow them through.',
  email: 'E-mail address',
  password: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  sso: 'Sign in with your organisation account',
  or: 'or with your e-mail address',
  errors: {
    invalid_credentials: 'Wrong e-mail address or password.',
    rate_limited: 'Too many failed attempts. Try again in a few minutes.',
    emailRequired: 'Enter your e-mail address.',
    passwordRequired: 'Enter your password.',
    sso: 'Signing in with your organisation account failed. Try again or use your e-mail address.',
    ssoCodes: {
      sso_unknown_person:
        'Your organisation account was recognised, but its e-mail address is not in Éclore’s directory. Ask HR to add you.',
      sso_email_unverified: 'Your organisation account has no verified e-mail address: Éclore cannot recognise you.',
      sso_inactive: 'Your Éclore account is deactivated. Contact HR.',
      sso_account_conflict:
        'Your directory entry is already linked to another organisation account. Contact an administrator.',
      sso_expired: 'Signing in took too long. Start again.',
      sso_disabled: 'Signing in with your organisation account is not enabled here.',
    },
  },
};

export type AuthText = typeof fr;

export const useAuthText = defineText({ fr, en });
