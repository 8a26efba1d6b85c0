import { createConfirmationQueue } from './confirmation-queue';
import { checkRunSafety, type DestructiveConfirmationRequest, type SafetyProfile } from './run-safety';

/** The app's one queue of destructive-statement confirmations, shown by DestructiveConfirmationHost. */
export const destructiveConfirmations = createConfirmationQueue<DestructiveConfirmationRequest>();

/** Shows the confirmation dialog; true when the user chose Run, false on Cancel, Esc or close. */
export function confirmDestructive(request: DestructiveConfirmationRequest): Promise<boolean> {
  return destructiveConfirmations.ask(request);
}

/**
 * Call before query/run: resolves true when the script may run, at once when nothing in it needs a
 * confirmation, else once the user confirmed. False means nothing may be sent.
 */
export async function confirmRunIfDestructive(sql: string, profile: SafetyProfile): Promise<boolean> {
  const safety = checkRunSafety(sql, profile);
  return safety.kind === 'run' || confirmDestructive(safety.request);
}
