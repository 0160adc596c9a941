import { fireEvent, render, screen } from '@testing-library/react';
import { useDisclosure, type DisclosureOptions } from './useDisclosure';

function Probe({ options }: { options?: DisclosureOptions }) {
  const menu = useDisclosure(options);
  return (
    <div>
      <div ref={menu.rootRef} onKeyDown={menu.onKeyDown}>
        <button type="button" {...menu.buttonProps}>
          Menu
        </button>
        <ul id={menu.panelId} hidden={!menu.open}>
          <li>
            <a href="#profile">Profil</a>
          </li>
        </ul>
      </div>
      <p>Ailleurs</p>
    </div>
  );
}

const button = () => screen.getByRole('button', { name: 'Menu' });

describe('useDisclosure', () => {
  it('shows and hides the panel from its button, which says so and names the panel', () => {
    render(<Probe options={{ panelId: 'nav-list' }} />);
    expect(button().getAttribute('aria-expanded')).toBe('false');
    expect(button().getAttribute('aria-controls')).toBe('nav-list');
    expect(screen.queryByRole('link', { name: 'Profil' })).toBeNull();
    fireEvent.click(button());
    expect(button().getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('link', { name: 'Profil' })).toBeTruthy();
    fireEvent.click(button());
    expect(button().getAttribute('aria-expanded')).toBe('false');
  });

  it('closes on Escape inside it and gives the focus back to the button', () => {
    render(<Probe />);
    fireEvent.click(button());
    const link = screen.getByRole('link', { name: 'Profil' });
    link.focus();
    fireEvent.keyDown(link, { key: 'Escape' });
    expect(button().getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button());
  });

  it('closes when its reset key changes (a new address)', () => {
    const { rerender } = render(<Probe options={{ resetKey: '/ideas' }} />);
    fireEvent.click(button());
    rerender(<Probe options={{ resetKey: '/ideas' }} />);
    expect(button().getAttribute('aria-expanded')).toBe('true');
    rerender(<Probe options={{ resetKey: '/wall' }} />);
    expect(button().getAttribute('aria-expanded')).toBe('false');
  });

  it('as a popover, closes on a click elsewhere and on Escape anywhere, not on a click inside', () => {
    render(<Probe options={{ dismissOutside: true }} />);
    fireEvent.click(button());
    fireEvent.click(screen.getByRole('link', { name: 'Profil' }));
    expect(button().getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByText('Ailleurs'));
    expect(button().getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button());
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(button().getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button());
  });

  it('inline (no dismissOutside), stays open on a click elsewhere', () => {
    render(<Probe />);
    fireEvent.click(button());
    fireEvent.click(screen.getByText('Ailleurs'));
    expect(button().getAttribute('aria-expanded')).toBe('true');
  });
});
