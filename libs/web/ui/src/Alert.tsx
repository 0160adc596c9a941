import type { ReactNode } from 'react';

/**
 * A message block. `error` is announced at once (role=alert); `success` and `info` politely
 * (role=status). The tone is also written in the text's colour and border, never by colour alone.
 */
export function Alert({ tone = 'info', children }: { tone?: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`ec-alert ec-alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
