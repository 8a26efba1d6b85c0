/** The two Electron IPC channels between preload and main; the contract's channel travels as an argument. */
export const IPC_INVOKE = 'strata:invoke';
export const IPC_EVENT = 'strata:event';
