import { Link } from 'react-router';
import type { WallCardDto } from '@eclore/api-client';
import { IDEA_STATUS_LABELS } from '@eclore/domain';
import { mediumDate } from '../../i18n/format';
import { useLocale, useWallText } from './i18n';

/** One idea on the wall. No author is shown: the wall names nobody (anonymous ideas stay anonymous). */
export function WallCard({ idea }: { idea: WallCardDto }) {
  const s = useWallText();
  const locale = useLocale();
  const date = mediumDate(locale, idea.publishedAt);
  return (
    <article className="ec-wall-card" aria-labelledby={`wall-${idea.id}`} data-kind={idea.kind}>
      <p className="ec-wall-card__meta">
        <span className={`ec-wall-badge ec-wall-badge--${idea.kind}`}>{s.kinds[idea.kind]}</span>
        <span className="ec-wall-stage">{IDEA_STATUS_LABELS[idea.status][locale]}</span>
      </p>
      <h2 className="ec-wall-card__title" id={`wall-${idea.id}`}>
        <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
      </h2>
      {idea.summary ? <p className="ec-wall-card__summary">{idea.summary}</p> : null}
      <p className="ec-wall-card__facts">
        <span>{s.card.supports(idea.supportCount)}</span>
        <span>{s.card.comments(idea.commentCount)}</span>
        <span>
          <time dateTime={idea.publishedAt}>{s.card.publishedOn(date)}</time>
        </span>
        {idea.campaign ? (
          <span>
            {s.card.campaign} : {idea.campaign.title}
          </span>
        ) : null}
        {idea.orgUnit ? <span>{idea.orgUnit.name}</span> : null}
      </p>
    </article>
  );
}
