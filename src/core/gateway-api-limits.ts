/**
 * The most listeners one Gateway or one ListenerSet takes: `spec.listeners` maxItems 64 in both CRDs (gateway-api
 * v1.6.1 standard channel), which the API server enforces. The spec sets no cap on a Gateway and its ListenerSets
 * together: it merges their listeners, and an implementation MAY refuse some with reason TooManyListeners (Envoy
 * Gateway v1.9.0 does not use that reason). Shared by the renderers (input findings) and CG-GWAPI-010.
 */
export const MAX_LISTENERS_PER_OBJECT = 64;
