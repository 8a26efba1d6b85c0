export { confirmDestructive, confirmRunIfDestructive, destructiveConfirmations } from './confirm-run';
export { DestructiveConfirmationHost } from './DestructiveConfirmationHost';
export { DestructiveConfirmDialog } from './DestructiveConfirmDialog';
export { checkRunSafety, isConfirmationTyped, type DestructiveConfirmationRequest, type RunSafety, type SafetyProfile } from './run-safety';
