// Codes of SSH connections and sessions. Every code carries `host` and `port`
// (the name the user typed, not the resolved address) so the message can say
// which server failed; extra params are listed per code.
export const sshErrorCodes = [
  // DNS found no address for the name.
  'ssh.hostNotFound',
  // No route to the host or network.
  'ssh.hostUnreachable',
  // Nothing listens on that port.
  'ssh.connectionRefused',
  // TCP connect or SSH handshake did not finish in time. params: {seconds}
  'ssh.timeout',
  // The server refused every credential we offered. params: {username}
  'ssh.authFailed',
  // The user cancelled a login prompt (keyboard-interactive, later DUO).
  'ssh.authCancelled',
  // The user declined an unknown host key. params: {fingerprint}
  'ssh.hostKeyRejected',
  // The host presents another key than the one remembered: possible attack.
  // params: {keyType, fingerprint, knownKeyType, knownFingerprint}
  'ssh.hostKeyChanged',
  // The private key is encrypted and the passphrase does not open it.
  'ssh.wrongPassphrase',
  // The private key is encrypted and no passphrase was given.
  'ssh.passphraseRequired',
  // The private key material cannot be read at all. params: {detail}
  'ssh.keyUnreadable',
  // The connection ended unexpectedly. params: {detail}
  'ssh.disconnected',
  // Client and server share no algorithm, or this runtime lacks one. params: {detail}
  'ssh.algorithmUnsupported',
  // Anything else the SSH layer reported. params: {detail}
  'ssh.protocolError',
  // params: {host, port, reply} — the server answered, but not with SSH (first line, printable only).
  'ssh.notSshServer',
  // The server refused to open a terminal session. params: {detail}
  'ssh.channelFailed',
  // The portal refused to forward to the backup server (AllowTcpForwarding no, or it cannot reach it).
  // params: {host, port, target, reason}
  'ssh.forwardingRefused',
  // The phone did not approve in time (DUO). params: {seconds}
  'ssh.approvalTimedOut',
  // The key was accepted, but the second step (DUO) failed: denied on the phone, or a wrong passcode.
  'ssh.approvalDenied',
  // No keepalive answer: the link stalled. params: {seconds}
  'ssh.keepaliveTimeout',
] as const;
