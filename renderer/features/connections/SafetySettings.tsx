import { useId } from 'react';
import { Checkbox } from '../../ui/Checkbox';
import type { ConnectionForm } from './connection-form';
import { ProductionBadge } from './ConnectionModeBadge';
import { readOnlyMeaning } from './engines';

interface SafetySettingsProps {
  form: ConnectionForm;
  onChange: (change: Partial<ConnectionForm>) => void;
  onProductionChange: (production: boolean) => void;
}

/** Production, confirmation of destructive statements and read-only: what protects the database from mistakes. */
export function SafetySettings({ form, onChange, onProductionChange }: SafetySettingsProps) {
  const productionId = useId();
  return (
    <fieldset className="span-2 safety-settings">
      <legend className="field-label">Safety</legend>
      <div className="checkbox-field">
        <input id={productionId} type="checkbox" role="switch" checked={form.production} onChange={(event) => onProductionChange(event.target.checked)} />
        <label htmlFor={productionId}>Production</label>
        {form.production ? <ProductionBadge /> : null}
        <span className="field-hint">Tagged red. Destructive statements and every DELETE, UPDATE, ALTER, GRANT or REVOKE ask for the connection&apos;s name before they run.</span>
      </div>
      <Checkbox
        label="Confirm destructive statements"
        checked={form.production || form.confirmDestructive}
        disabled={form.production}
        onChange={(confirmDestructive) => onChange({ confirmDestructive })}
        hint={
          form.production
            ? 'Always on for production connections.'
            : 'Shows DROP, TRUNCATE, ALTER … DROP, and UPDATE or DELETE without WHERE before they run.'
        }
      />
      <Checkbox label="Read-only" checked={form.readOnly} onChange={(readOnly) => onChange({ readOnly })} hint={readOnlyMeaning(form.engine)} />
    </fieldset>
  );
}
