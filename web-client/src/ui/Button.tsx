import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

export function Button({
  variant = 'primary', small = false, busy = false, className = '', children, ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; small?: boolean; busy?: boolean; children: ReactNode }) {
  const cls = ['btn', variant !== 'primary' && `btn-${variant}`, small && 'btn-small', className].filter(Boolean).join(' ');
  return (
    <button type="button" className={cls} aria-busy={busy || undefined} disabled={busy || rest.disabled} {...rest}>
      {busy && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}

/** A square button with an icon; the label is its accessible name and tooltip. */
export function IconButton({
  icon, label, pressed, filled, className = '', ...rest
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> & { icon: IconName; label: string; pressed?: boolean; filled?: boolean }) {
  return (
    <button type="button" className={`icon-btn ${className}`} aria-label={label} title={label} aria-pressed={pressed} {...rest}>
      <Icon name={icon} filled={filled} />
    </button>
  );
}
