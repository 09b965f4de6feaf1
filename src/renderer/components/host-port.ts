/** `host`, or `host:port` when the port is not 22 or `always` (IPv6 in brackets). */
export function hostAndPort(host: string, port: number, always = false): string {
  if (port === 22 && !always) return host;
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}
