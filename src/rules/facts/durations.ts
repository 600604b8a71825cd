/**
 * cert-manager's duration limits and how the rules describe durations. Upstream: cert-manager v1.21.1
 * internal/apis/certmanager/validation/certificate.go (webhook limits) and pkg/apis/certmanager/v1/const.go (default).
 */
import { formatGoDuration } from '../../core/validation';

/** The webhook's lower limits for `spec.duration` and `spec.renewBefore`. */
export const MIN_DURATION_MS = 60 * 60 * 1000;
export const MIN_RENEW_BEFORE_MS = 5 * 60 * 1000;
/** The duration cert-manager assumes when a Certificate sets none: 90 days. */
export const DEFAULT_DURATION_MS = 2160 * 60 * 60 * 1000;

/** A duration for messages: Go notation plus days when it is a whole number of days ("720h (30 days)"). */
export function describeDuration(ms: number): string {
  const go = formatGoDuration(ms);
  return ms > 0 && ms % 86_400_000 === 0 ? `${go} (${ms / 86_400_000} days)` : go;
}
