import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormDialog } from './FormDialog';

function Harness({ onSubmit, onCancel }: { onSubmit: (reason: string) => void; onCancel: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Signaler
      </button>
      <FormDialog
        open={open}
        title="Signaler ce commentaire"
        submitLabel="Envoyer"
        cancelLabel="Annuler"
        onSubmit={() => onSubmit(reason)}
        onCancel={() => {
          onCancel();
          setOpen(false);
        }}
      >
        <label>
          Motif
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      </FormDialog>
    </>
  );
}

function dialog(): HTMLDialogElement {
  return screen.getByRole('dialog', { hidden: true }) as HTMLDialogElement;
}

describe('FormDialog', () => {
  it('is closed, without its fields, until opened; opened, it is labelled by its title and focuses the first field', async () => {
    const user = userEvent.setup();
    render(<Harness onSubmit={jest.fn()} onCancel={jest.fn()} />);
    expect(dialog().open).toBe(false);
    expect(screen.queryByLabelText('Motif')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Signaler' }));

    expect(dialog().open).toBe(true);
    expect(screen.getByRole('dialog', { name: 'Signaler ce commentaire' })).toBe(dialog());
    expect(document.activeElement).toBe(screen.getByLabelText('Motif'));
  });

  it('submits with Enter in a field and with the submit button, with the typed value', async () => {
    const user = userEvent.setup();
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} onCancel={jest.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Signaler' }));

    await user.type(screen.getByLabelText('Motif'), 'Hors sujet{Enter}');
    expect(onSubmit).toHaveBeenLastCalledWith('Hors sujet');

    await user.click(screen.getByRole('button', { name: 'Envoyer' }));
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });

  it('cancels on Escape (the dialog’s cancel event) and on the cancel button, and closes', async () => {
    const user = userEvent.setup();
    const onCancel = jest.fn();
    render(<Harness onSubmit={jest.fn()} onCancel={onCancel} />);
    await user.click(screen.getByRole('button', { name: 'Signaler' }));

    const escape = new Event('cancel', { cancelable: true });
    fireEvent(dialog(), escape);
    expect(onCancel).toHaveBeenCalledTimes(1);
    // The component closes through its state, not the browser's default.
    expect(escape.defaultPrevented).toBe(true);
    expect(dialog().open).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Signaler' }));
    await user.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(dialog().open).toBe(false);
  });

  it('disables both buttons while busy', () => {
    render(
      <FormDialog
        open
        busy
        title="T"
        submitLabel="Envoyer"
        cancelLabel="Annuler"
        onSubmit={jest.fn()}
        onCancel={jest.fn()}
      >
        <input aria-label="x" />
      </FormDialog>,
    );
    expect((screen.getByRole('button', { name: 'Envoyer', hidden: true }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Annuler', hidden: true }) as HTMLButtonElement).disabled).toBe(true);
  });
});
