// Channel names of the Electron transport. The preload sends every call on
// one channel with the call's name; main checks the name against the table.
export const IPC_CALL = 'fw:call';
export const IPC_EVENT = 'fw:event';
