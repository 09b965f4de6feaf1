// Codes of the agent (key store, protocol, transports).
export const agentErrorCodes = ['agent.noKeys'] as const;
