import type { ButtonHTMLAttributes, ReactNode } from 'react';
import './ui.css';

export type ButtonVariant = 'primary' | 'default' | 'ghost' | 'danger';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  small?: boolean;
  icon?: ReactNode;
}

export function Button({ variant = 'default', small = false, icon, className, children, type = 'button', ...rest }: ButtonProps) {
  const classes = ['btn', `btn-${variant}`, small ? 'btn-small' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <button type={type} className={classes} {...rest}>
      {icon}
      {children}
    </button>
  );
}

interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-label'> {
  /** The accessible name and tooltip: an icon-only button must say what it does. */
  label: string;
  children: ReactNode;
}

export function IconButton({ label, className, children, type = 'button', title, ...rest }: IconButtonProps) {
  return (
    <button type={type} className={['icon-btn', className ?? ''].filter(Boolean).join(' ')} aria-label={label} title={title ?? label} {...rest}>
      {children}
    </button>
  );
}
