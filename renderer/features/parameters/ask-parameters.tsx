import { createRoot } from 'react-dom/client';
import { ParameterDialog } from './ParameterDialog';
import { rememberedValue, rememberValue, type RememberedValue } from './remembered-values';
import type { ParameterValue } from './run-parameters';

/**
 * Shows the parameter dialog in a root of its own, so that a store action can ask without a host
 * component, and resolves with the values (remembered for the tab) or null when the user cancelled.
 */
export function askParameterValues(tabId: string, names: string[]): Promise<ParameterValue[] | null> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  return new Promise((resolve) => {
    const answer = (values: RememberedValue[] | null) => {
      root.unmount();
      container.remove();
      if (!values) {
        resolve(null);
        return;
      }
      values.forEach((value, index) => rememberValue(tabId, names[index], value));
      resolve(values.map((value, index) => ({ name: names[index], value: value.isNull ? null : value.text })));
    };
    root.render(<ParameterDialog names={names} initial={names.map((name) => rememberedValue(tabId, name))} onAnswer={answer} />);
  });
}
