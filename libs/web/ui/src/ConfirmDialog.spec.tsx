import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfirmDialog } from './ConfirmDialog';

describe('ConfirmDialog', () => {
  it('opens with focus on Cancel (the safe choice) and confirms only on the confirm button', async () => {
    const user = userEvent.setup();
    const onConfirm = jest.fn();
    render(
      <ConfirmDialog
        open
        title="Retirer ce rôle ?"
        confirmLabel="Confirmer"
        cancelLabel="Annuler"
        onConfirm={onConfirm}
        onCancel={jest.fn()}
      />,
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Annuler' }));
    await user.click(screen.getByRole('button', { name: 'Confirmer' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
