// Codes of SSH connections and sessions.
export const sshErrorCodes = ['ssh.hostNotFound'] as const;
