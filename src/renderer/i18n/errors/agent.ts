import type { agentErrorCodes } from '../../../shared/errors/agent';
import type { ErrorTexts } from './types';

export const agentErrorTexts: ErrorTexts<(typeof agentErrorCodes)[number]> = {
  de: { 'agent.noKeys': 'Kein Schlüssel verfügbar: Laden Sie einen Schlüssel in den Agenten.' },
  en: { 'agent.noKeys': 'No key available: load a key into the agent.' },
};
