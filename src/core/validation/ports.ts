/** Port checks, ported from apimachinery IsValidPortNum and IsValidPortName (Kubernetes 1.28). */

const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** A TCP/UDP port number: an integer from 1 to 65535. */
export function checkPortNumber(value: number): string | undefined {
  if (!Number.isInteger(value) || value < 1 || value > 65535) return 'must be an integer between 1 and 65535';
  return undefined;
}

/** IANA service name: named ports (at most 15 characters, at least one letter, no '--'). */
export function checkPortName(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > 15) return `must be no more than 15 characters (got ${value.length})`;
  if (!IANA_SVC_NAME.test(value)) return "must contain only lower case alphanumeric characters or '-', and start and end with an alphanumeric character";
  if (value.includes('--')) return "must not contain consecutive hyphens ('--')";
  if (!/[a-z]/.test(value)) return 'must contain at least one letter';
  return undefined;
}
