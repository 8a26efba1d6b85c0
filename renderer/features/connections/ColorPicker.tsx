import { useId } from 'react';

const SWATCHES: { value: string; name: string }[] = [
  { value: '#3b82f6', name: 'Blue' },
  { value: '#22c55e', name: 'Green' },
  { value: '#eab308', name: 'Yellow' },
  { value: '#f97316', name: 'Orange' },
  { value: '#ef4444', name: 'Red' },
  { value: '#a855f7', name: 'Purple' },
  { value: '#14b8a6', name: 'Teal' },
  { value: '#64748b', name: 'Grey' },
];

interface ColorPickerProps {
  value: string;
  onChange: (color: string) => void;
  error?: string;
  className?: string;
  /** Why the colour cannot be changed now; the swatches are disabled while it is set. */
  lockedReason?: string;
}

/** A few swatches (production red, staging orange…) plus the native picker for any other colour. */
export function ColorPicker({ value, onChange, error, className, lockedReason }: ColorPickerProps) {
  const locked = lockedReason !== undefined;
  const labelId = useId();
  const custom = !SWATCHES.some((s) => s.value === value.toLowerCase());
  return (
    <div className={['field', className ?? ''].filter(Boolean).join(' ')}>
      <span id={labelId} className="field-label">
        Colour
      </span>
      <div className="swatches" role="group" aria-labelledby={labelId}>
        {SWATCHES.map((swatch) => (
          <button
            key={swatch.value}
            type="button"
            className="swatch"
            style={{ background: swatch.value }}
            aria-label={swatch.name}
            title={swatch.name}
            aria-pressed={value.toLowerCase() === swatch.value}
            disabled={locked}
            onClick={() => onChange(swatch.value)}
          />
        ))}
        <label className={custom ? 'swatch swatch-custom swatch-custom-active' : 'swatch swatch-custom'} title="Custom colour" style={custom ? { background: value } : undefined}>
          <input type="color" aria-label="Custom colour" value={value} disabled={locked} onChange={(event) => onChange(event.target.value)} />
        </label>
      </div>
      {error ? <div className="field-error">{error}</div> : locked ? <div className="field-hint">{lockedReason}</div> : null}
    </div>
  );
}
