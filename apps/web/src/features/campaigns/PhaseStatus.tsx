import type { CampaignDto } from '@eclore/api-client';
import { fill, useLocale, type CampaignsText } from './i18n';

export function useDateFormat(): (iso: string) => string {
  const locale = useLocale();
  const format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long' });
  return (iso) => format.format(new Date(iso));
}

/** Where the campaign stands (current phase, start or end date) and what can be done in it now. */
export function PhaseStatus({ campaign: c, s }: { campaign: CampaignDto; s: CampaignsText }) {
  const date = useDateFormat();
  const first = c.phases[0];
  const last = c.phases[c.phases.length - 1];
  let where: string;
  if (c.activePhase) where = fill(s.phase.current, { name: c.activePhase.name, date: date(c.activePhase.endsAt) });
  else if (!first || !last) where = s.phase.noPhase;
  else if (c.timing === 'upcoming') where = fill(s.phase.startsOn, { date: date(first.startsAt) });
  else if (c.timing === 'past') where = fill(s.phase.endedOn, { date: date(last.endsAt) });
  else where = s.phase.betweenPhases;
  const open = (['submissions', 'supports', 'comments'] as const).filter((f) => c.features[f]).map((f) => s.phase[f]);
  return (
    <div className="ec-campaign-status">
      <p className="ec-campaign-status__phase">{where}</p>
      {c.timing === 'current' ? (
        <p className="ec-campaign-status__features">
          {s.phase.allows} {open.length ? open.join(', ') : s.phase.nothingOpen}
        </p>
      ) : null}
    </div>
  );
}
