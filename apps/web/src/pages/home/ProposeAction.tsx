import { Link } from 'react-router';
import { useHomeText } from './i18n';

/** The home's primary action; a visitor following it is asked to sign in by the editor's route. */
export function ProposeAction() {
  const text = useHomeText();
  return (
    <p className="ec-home__actions">
      <Link className="ec-button ec-button--primary" to="/ideas/new">
        {text.propose}
      </Link>
    </p>
  );
}
