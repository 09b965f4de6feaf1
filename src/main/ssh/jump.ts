// The backup hop's transport: a `direct-tcpip` channel of the portal's
// connection (what OpenSSH's ProxyJump does). The second SSH connection runs
// inside it; Nagle is already off on the portal's own TCP socket, which is the
// only real socket on this path. A portal that refuses forwarding
// (AllowTcpForwarding no, or it cannot reach the target) is reported plainly:
// never a fallback that runs commands such as `nc` on the portal, which would
// bypass the portal admin's policy.
import type { Duplex } from 'node:stream';
import { AppError } from '../core/app-error';
import { describeCause } from './errors';
import type { SshConnection } from './connection';

export function forwardThroughPortal(portal: SshConnection, host: string, port: number): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    // The originator address is informational for the server; ssh's ProxyJump sends loopback too.
    portal.client.forwardOut('127.0.0.1', 0, host, port, (error, stream) => {
      if (error) {
        reject(
          new AppError(
            'ssh.forwardingRefused',
            { host: portal.host, port: portal.port, target: `${host}:${port}`, reason: describeCause(error) },
            { cause: error },
          ),
        );
        return;
      }
      resolve(stream);
    });
  });
}
