// The keywords of ssh_config(5) (OpenSSH 9.x, with the older spellings it
// still accepts), in the manual's spelling. Reports name a line's keyword only
// when it is one of these: a lone unknown word on a line may be a stray
// password pasted into the file, and must not travel on in a report.

const KEYWORDS = `AddKeysToAgent AddressFamily BatchMode BindAddress BindInterface CASignatureAlgorithms
CanonicalDomains CanonicalizeFallbackLocal CanonicalizeHostname CanonicalizeMaxDots
CanonicalizePermittedCNAMEs CertificateFile ChallengeResponseAuthentication ChannelTimeout CheckHostIP
Cipher Ciphers ClearAllForwardings Compression ConnectTimeout ConnectionAttempts ControlMaster ControlPath
ControlPersist DynamicForward EnableEscapeCommandline EnableSSHKeysign EscapeChar ExitOnForwardFailure
FingerprintHash ForkAfterAuthentication ForwardAgent ForwardX11 ForwardX11Timeout ForwardX11Trusted
GSSAPIAuthentication GSSAPIClientIdentity GSSAPIDelegateCredentials GSSAPIKexAlgorithms GSSAPIKeyExchange
GSSAPIRenewalForcesRekey GSSAPIServerIdentity GSSAPITrustDns GatewayPorts GlobalKnownHostsFile
HashKnownHosts Host HostKeyAlgorithms HostKeyAlias HostName HostbasedAcceptedAlgorithms
HostbasedAuthentication HostbasedKeyTypes IPQoS IdentitiesOnly IdentityAgent IdentityFile IgnoreUnknown
Include KbdInteractiveAuthentication KbdInteractiveDevices KexAlgorithms KnownHostsCommand LocalCommand
LocalForward LogLevel LogVerbose MACs Match NoHostAuthenticationForLocalhost NumberOfPasswordPrompts
ObscureKeystrokeTiming PKCS11Provider PasswordAuthentication PermitLocalCommand PermitRemoteOpen Port
PreferredAuthentications Protocol ProxyCommand ProxyJump ProxyUseFdpass PubkeyAcceptedAlgorithms
PubkeyAcceptedKeyTypes PubkeyAuthentication RekeyLimit RemoteCommand RemoteForward RequestTTY
RequiredRSASize RevokedHostKeys SecurityKeyProvider SendEnv ServerAliveCountMax ServerAliveInterval
SessionType SetEnv StdinNull StreamLocalBindMask StreamLocalBindUnlink StrictHostKeyChecking
SyslogFacility TCPKeepAlive Tag Tunnel TunnelDevice UpdateHostKeys UseKeychain User UserKnownHostsFile
VerifyHostKeyDNS VisualHostKey XAuthLocation`.split(/\s+/);

const BY_LOWER = new Map(KEYWORDS.map((keyword) => [keyword.toLowerCase(), keyword]));

/** The manual's spelling of a keyword, or null for a word that is none. */
export function canonicalKeyword(word: string): string | null {
  return BY_LOWER.get(word.toLowerCase()) ?? null;
}

/** What a report may say about a line's first word: the keyword, or '' for anything else. */
export function reportedKeyword(word: string): string {
  return canonicalKeyword(word) ?? '';
}
