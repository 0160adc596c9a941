import type { ContributionKind } from './ledger';
import type { RecognitionForm, RecognitionMilestone } from './recognition';

interface RecognitionLabels {
  kinds: Record<ContributionKind, string>;
  forms: Record<RecognitionForm, string>;
  milestones: Record<RecognitionMilestone, string>;
}

/**
 * The names of contribution kinds, recognition forms and milestones, in both languages: one table
 * for the screens, the PDFs (certificate, my contributions, the annual report) and the e-mails, so
 * a form is never called two things (docs/recognition.md §1 and §3 give the same names).
 */
export const RECOGNITION_LABELS: Readonly<Record<'fr' | 'en', RecognitionLabels>> = {
  fr: {
    kinds: {
      authored: 'Auteur',
      co_authored: 'Co-auteur',
      captured_on_behalf: 'Saisie pour un agent',
      commented: 'Commentaire',
      comment_adopted: 'Commentaire retenu',
      supported: 'Soutien',
      reviewed: 'Évaluation',
      qualified: 'Qualification',
      decided: 'Décision',
      team_member: 'Membre de l’équipe',
      experiment_lead: 'Pilote de l’expérimentation',
      implementation_owner: 'Responsable de la mise en œuvre',
      milestone_done: 'Jalon atteint',
      measurement_validated: 'Mesure validée',
      replicated: 'Essaimage',
    },
    forms: {
      thanks_letter: 'Lettre de remerciement',
      award: 'Prix ou distinction',
      career_evidence: 'Élément pour l’entretien annuel',
      public_celebration: 'Célébration publique',
    },
    milestones: {
      idea_accepted: 'Idée publiée',
      implemented: 'Idée mise en œuvre',
      impact_validated: 'Impact validé',
      replicated: 'Idée essaimée',
    },
  },
  en: {
    kinds: {
      authored: 'Author',
      co_authored: 'Co-author',
      captured_on_behalf: 'Captured for a colleague',
      commented: 'Comment',
      comment_adopted: 'Comment adopted',
      supported: 'Support',
      reviewed: 'Review',
      qualified: 'Qualification',
      decided: 'Decision',
      team_member: 'Team member',
      experiment_lead: 'Experiment lead',
      implementation_owner: 'Implementation owner',
      milestone_done: 'Milestone done',
      measurement_validated: 'Measurement validated',
      replicated: 'Replication',
    },
    forms: {
      thanks_letter: 'Thanks letter',
      award: 'Award',
      career_evidence: 'Career evidence for the annual review',
      public_celebration: 'Public celebration',
    },
    milestones: {
      idea_accepted: 'Idea accepted',
      implemented: 'Idea implemented',
      impact_validated: 'Impact validated',
      replicated: 'Idea replicated',
    },
  },
};
