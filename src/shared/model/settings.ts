// The person's settings: who they are (the remote user name is built from
// them) and how the app speaks. Stored in `settings.json`, versioned.
import { z } from 'zod';

export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];

/** Firm prefix as given by IServ support (`iserv` for IServ's own staff). */
export const firmPrefixSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]{2,32}$/, 'firmPrefix');
/** `vorname.nachname`, ASCII as on the server (ö → oe). */
export const fullNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, 'fullName');
export const emailSchema = z.string().trim().email('email').max(254);
/** International or national phone number for DUO: digits, spaces, +, -, /, (). */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()/-]{5,24}$/, 'phone')
  .refine((v) => v.replace(/\D/g, '').length >= 6, 'phone');

export const SETTINGS_VERSION = 1;

/** How long each hop waits for the phone (DUO) before giving up. */
export const DEFAULT_APPROVAL_TIMEOUT_SECONDS = 120;
/** The vendor's ServerAliveInterval. */
export const DEFAULT_KEEPALIVE_SECONDS = 240;
/** The vendor's ControlPersist 28800: an authenticated connection is kept 8 hours after its last tab. */
export const DEFAULT_KEEP_CONNECTIONS_MINUTES = 480;

const connectionLimits = {
  approvalTimeoutSeconds: z.number().int().min(10).max(3600),
  keepaliveSeconds: z.number().int().min(1).max(3600),
  /** 0 = close a connection with its last tab. */
  keepConnectionsMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60),
};

/** How terminals look and behave; PuTTY users' habits are the defaults. */
export const terminalSettingsSchema = z.object({
  fontFamily: z.string().trim().min(1).max(200),
  fontSize: z.number().int().min(6).max(48),
  scrollback: z.number().int().min(100).max(200_000),
  cursorStyle: z.enum(['block', 'underline', 'bar']),
  cursorBlink: z.boolean(),
  /** system follows the OS (prefers-color-scheme). */
  theme: z.enum(['system', 'dark', 'light']),
  bell: z.enum(['none', 'visual', 'sound']),
  /** PuTTY: selecting copies, the right button pastes. */
  copyOnSelect: z.boolean(),
  pasteOnRightClick: z.boolean(),
  /** Ask before pasting more than one line (a pasted line runs at once). */
  warnMultiLinePaste: z.boolean(),
  /** xterm.js's screen reader mode (an accessible DOM mirror of the screen). */
  screenReaderMode: z.boolean(),
});
export type TerminalSettings = z.infer<typeof terminalSettingsSchema>;

export const defaultTerminalSettings: TerminalSettings = {
  fontFamily: '"Cascadia Mono", Consolas, "DejaVu Sans Mono", Menlo, monospace',
  fontSize: 14,
  scrollback: 10_000,
  cursorStyle: 'block',
  cursorBlink: true,
  theme: 'system',
  bell: 'visual',
  copyOnSelect: true,
  pasteOnRightClick: true,
  warnMultiLinePaste: true,
  screenReaderMode: false,
};

/** PuTTY's session logging: off, what the screen shows (printable), or every byte received. */
export const loggingSettingsSchema = z.object({
  mode: z.enum(['off', 'printable', 'all']),
  /** '' = `<data dir>/logs/sessions`. */
  folder: z.string().max(4096),
  /** PuTTY's placeholders: &Y year, &M month, &D day, &T time, &H host, &P port, &N profile name. */
  namePattern: z.string().trim().min(1).max(255),
  /** Each line starts with its time. */
  timestamps: z.boolean(),
  /** A log file is closed and a new one begun at this size. */
  maxMegabytes: z.number().int().min(1).max(10_000),
});
export type LoggingSettings = z.infer<typeof loggingSettingsSchema>;

export const defaultLoggingSettings: LoggingSettings = {
  mode: 'off',
  folder: '',
  namePattern: '&Y&M&D-&T-&H.log',
  timestamps: false,
  maxMegabytes: 100,
};

export const settingsSchema = z.object({
  schemaVersion: z.literal(SETTINGS_VERSION),
  language: z.enum(languages),
  /** '' until first use asks. */
  firmPrefix: z.union([z.literal(''), firmPrefixSchema]),
  fullName: z.union([z.literal(''), fullNameSchema]),
  email: z.union([z.literal(''), emailSchema]),
  phone: z.union([z.literal(''), phoneSchema]),
  /** Key used by profiles that name none, until the agent holds keys. */
  defaultKeyPath: z.string().max(4096),
  /** Key files the agent loads at start, like Pageant's command line (added later: defaults for old files). */
  agentKeyPaths: z.array(z.string().min(1).max(4096)).max(64).default([]),
  // Connection settings, added after version 1: defaults for older files.
  approvalTimeoutSeconds: connectionLimits.approvalTimeoutSeconds.default(DEFAULT_APPROVAL_TIMEOUT_SECONDS),
  keepaliveSeconds: connectionLimits.keepaliveSeconds.default(DEFAULT_KEEPALIVE_SECONDS),
  keepConnectionsMinutes: connectionLimits.keepConnectionsMinutes.default(DEFAULT_KEEP_CONNECTIONS_MINUTES),
  // Added later too; a partial object in a file is completed field by field.
  terminal: terminalSettingsSchema
    .partial()
    .transform((t) => ({ ...defaultTerminalSettings, ...t }))
    .default(defaultTerminalSettings),
  logging: loggingSettingsSchema
    .partial()
    .transform((l) => ({ ...defaultLoggingSettings, ...l }))
    .default(defaultLoggingSettings),
  /** Start with the system, in the tray (the shell wires it; Pageant's habit). */
  startAtLogin: z.boolean().default(false),
  startHidden: z.boolean().default(true),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  schemaVersion: SETTINGS_VERSION,
  language: 'de',
  firmPrefix: '',
  fullName: '',
  email: '',
  phone: '',
  defaultKeyPath: '',
  agentKeyPaths: [],
  approvalTimeoutSeconds: DEFAULT_APPROVAL_TIMEOUT_SECONDS,
  keepaliveSeconds: DEFAULT_KEEPALIVE_SECONDS,
  keepConnectionsMinutes: DEFAULT_KEEP_CONNECTIONS_MINUTES,
  terminal: defaultTerminalSettings,
  logging: defaultLoggingSettings,
  startAtLogin: false,
  startHidden: true,
};

// Fields with defaults without them: an update that leaves one out must not reset it.
export const settingsUpdateSchema = settingsSchema
  .omit({
    schemaVersion: true,
    agentKeyPaths: true,
    approvalTimeoutSeconds: true,
    keepaliveSeconds: true,
    keepConnectionsMinutes: true,
    terminal: true,
    logging: true,
    startAtLogin: true,
    startHidden: true,
  })
  .partial()
  .extend({
    // Only the fields given change; the service merges them into what is stored.
    terminal: terminalSettingsSchema.partial().optional(),
    logging: loggingSettingsSchema.partial().optional(),
    startAtLogin: z.boolean().optional(),
    startHidden: z.boolean().optional(),
    agentKeyPaths: z.array(z.string().min(1).max(4096)).max(64).optional(),
    approvalTimeoutSeconds: connectionLimits.approvalTimeoutSeconds.optional(),
    keepaliveSeconds: connectionLimits.keepaliveSeconds.optional(),
    keepConnectionsMinutes: connectionLimits.keepConnectionsMinutes.optional(),
  });
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

/** `<firm prefix>-<vorname.nachname>`, or '' while first use is not done. */
export function defaultRemoteUser(settings: Pick<Settings, 'firmPrefix' | 'fullName'>): string {
  return settings.firmPrefix && settings.fullName ? `${settings.firmPrefix}-${settings.fullName}` : '';
}

export function isFirstUseDone(settings: Settings): boolean {
  return defaultRemoteUser(settings) !== '';
}
