import type { ReactNode } from 'react';
import { Alert, Button, Panel } from '@eclore/web-ui';

/**
 * An administration settings form in its panel: the lead, "saved" after the last save succeeded (until
 * the next one), the refusal the fields do not show, the fields, and the save button.
 */
export function SettingsPanel({
  text,
  save,
  failure,
  onSave,
  formClassName,
  children,
  after,
}: {
  /** The settings' words: the panel's title and lead, the notice after a save, the button. */
  text: { title: string; lead?: string; saved: string; save: string };
  /** The save mutation: its success shows `text.saved`, and the button waits while it runs. */
  save: { isPending: boolean; isSuccess: boolean };
  failure?: ReactNode;
  onSave: () => void;
  formClassName?: string;
  children: ReactNode;
  /** Below the form (when the settings were last changed). */
  after?: ReactNode;
}) {
  return (
    <Panel title={text.title}>
      {text.lead ? <p>{text.lead}</p> : null}
      {save.isSuccess ? <Alert tone="success">{text.saved}</Alert> : null}
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <form
        className={formClassName}
        onSubmit={(event) => {
          event.preventDefault();
          onSave();
        }}
        noValidate
      >
        {children}
        <div>
          <Button type="submit" disabled={save.isPending}>
            {text.save}
          </Button>
        </div>
      </form>
      {after}
    </Panel>
  );
}
