// Pageant's old transport, still used by PuTTY before 0.75 and by some tools
// (WinSCP's older builds, KeeAgent clients): a hidden window of class and
// title "Pageant" receiving WM_COPYDATA with dwData 0x804e50ba and the name
// of a file mapping `PageantRequest%08x`. The server checks the mapping's
// owner SID equals ours, reads the framed request from the mapping, and
// writes the reply into it before returning from the window procedure.
//
// TODO(windows): not implemented. Needs a native message-only window and
// file-mapping access (FFI: user32 RegisterClassW/CreateWindowExW, kernel32
// OpenFileMappingW/MapViewOfFile, advapi32 GetSecurityInfo). The interface
// below is what the agent expects of such an implementation. Design note:
// docs/WINDOWS.md ("Pageant's WM_COPYDATA window").
import type { AgentSession } from '../../session';

export const PAGEANT_WINDOW_CLASS = 'Pageant';
export const PAGEANT_COPYDATA_ID = 0x804e50ba;
/** Pageant's AGENT_MAX_MSGLEN for the mapping transport. */
export const PAGEANT_MAPPING_MAX = 8192;

export interface CopyDataTransport {
  /** Creates the window; each request is answered through `session.handle`. */
  start(createSession: () => AgentSession): Promise<void>;
  stop(): Promise<void>;
}
