import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import './ui.css';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  hint?: ReactNode;
  /** Content placed after the input on the same line, e.g. a button. */
  trailing?: ReactNode;
}

export function TextField({ label, value, onChange, error, hint, trailing, className, id, ...rest }: TextFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const messageId = `${inputId}-message`;
  return (
    <div className={['field', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={inputId} className="field-label">
        {label}
      </label>
      <div className="field-row">
        <input
          id={inputId}
          className={error ? 'input input-invalid' : 'input'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error || hint ? messageId : undefined}
          spellCheck={false}
          autoComplete="off"
          {...rest}
        />
        {trailing}
      </div>
      {error ? (
        <div id={messageId} className="field-error">
          {error}
        </div>
      ) : hint ? (
        <div id={messageId} className="field-hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}
