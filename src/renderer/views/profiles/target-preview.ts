// What a profile (or a quick connect) will connect to, as the form shows it
// before saving. The Backupserver rule itself is shared/model/backup-target.ts.
import { planBackupTarget } from '../../../shared/model/backup-target';
import { hostSchema, type ProfileKind } from '../../../shared/model/profile';
import { hostAndPort } from '../../components/host-port';

type TargetProblem = 'hostInvalid' | 'portalRequired' | 'portalRequiredName' | 'portalInvalid';

export type TargetPreview =
  | { ok: true; kind: ProfileKind; host: string; portal: string | null }
  | { ok: false; problem: TargetProblem };

function isIpAddress(host: string): boolean {
  return host.includes(':') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host.trim());
}

/** Where the form's values lead, or what is wrong with them. */
export function previewTarget(
  kind: ProfileKind,
  host: string,
  port: number,
  portalText: string,
): TargetPreview {
  if (kind === 'portal') {
    const parsed = hostSchema.safeParse(host);
    if (!parsed.success) return { ok: false, problem: 'hostInvalid' };
    return { ok: true, kind, host: hostAndPort(parsed.data, port), portal: null };
  }
  const plan = planBackupTarget(host, portalText);
  if (!plan.ok) {
    if (plan.problem === 'portalRequired' && !isIpAddress(host))
      return { ok: false, problem: 'portalRequiredName' };
    return { ok: false, problem: plan.problem };
  }
  return {
    ok: true,
    kind,
    host: hostAndPort(plan.backupHost, port),
    portal: hostAndPort(plan.portalHost, plan.portalPort, true),
  };
}
