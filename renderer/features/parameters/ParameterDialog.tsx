import { useState } from 'react';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import type { RememberedValue } from './remembered-values';
import './parameters.css';

interface ParameterDialogProps {
  names: string[];
  initial: RememberedValue[];
  /** The entered values in the order of `names`, or null on Cancel, Esc or close. */
  onAnswer: (values: RememberedValue[] | null) => void;
}

/** Asks for the value of each parameter of the statement: a text field, or NULL. Enter runs. */
export function ParameterDialog({ names, initial, onAnswer }: ParameterDialogProps) {
  const [values, setValues] = useState(initial);
  const change = (index: number, next: Partial<RememberedValue>) => setValues((current) => current.map((value, i) => (i === index ? { ...value, ...next } : value)));

  const footer = (
    <>
      <Button onClick={() => onAnswer(null)}>Cancel</Button>
      <Button type="submit" variant="primary">
        Run
      </Button>
    </>
  );

  return (
    <Dialog title="Query parameters" onClose={() => onAnswer(null)} onSubmit={() => onAnswer(values)} footer={footer} width={520} className="parameter-dialog">
      <p className="dialog-text">Values are sent to the server as parameters, never pasted into the SQL.</p>
      <div className="parameter-list">
        {names.map((name, index) => (
          <div className="parameter-row" key={name}>
            <TextField
              label={name}
              value={values[index].text}
              onChange={(text) => change(index, { text })}
              disabled={values[index].isNull}
              placeholder={values[index].isNull ? 'NULL' : ''}
              data-autofocus={index === 0 ? true : undefined}
              className="parameter-value"
            />
            <Checkbox label="NULL" checked={values[index].isNull} onChange={(isNull) => change(index, { isNull })} />
          </div>
        ))}
      </div>
    </Dialog>
  );
}
