// How a login step is named everywhere (DUO dialog, host key dialog, tab):
// "Portalserver meine-schule.de – Schritt 1 von 2".
import { useTranslation } from 'react-i18next';
import type { Hop } from '../../shared/contract/prompts';
import { hostAndPort } from './host-port';

export function useHopText() {
  const { t } = useTranslation();
  const server = (hop: Pick<Hop, 'role' | 'host' | 'port'>) =>
    t('hop.server', { role: t(`hop.${hop.role}`), host: hostAndPort(hop.host, hop.port) });
  const step = (hop: Pick<Hop, 'index' | 'count'>) => t('hop.step', { index: hop.index, count: hop.count });
  return {
    server,
    step,
    full: (hop: Hop) => t('hop.serverAndStep', { server: server(hop), step: step(hop) }),
  };
}
