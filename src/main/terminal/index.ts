// Public API of the terminal capability: a shell over SSH with flow control.
export { openShell, TerminalSession, DEFAULT_TERM } from './terminal-session';
export type { FlowStats, OpenShellOptions, ShellExit, ShellTarget } from './terminal-session';
export { FlowControl, DEFAULT_HIGH_WATER_MARK, DEFAULT_LOW_WATER_MARK } from './flow-control';
export type { FlowAction, FlowControlOptions } from './flow-control';
export { OutputCoalescer, type CoalescerOptions } from './output-coalescer';
