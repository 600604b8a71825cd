/** How an Ingress path matches request paths. */
export enum PathType {
  /** The request path equals the path (case-sensitive). */
  EXACT = 'Exact',
  /** The request path starts with the path, split by '/' element. */
  PREFIX = 'Prefix',
  /** Matching is up to the controller; ingress-nginx reads it as a regular expression. */
  IMPLEMENTATION_SPECIFIC = 'ImplementationSpecific',
}
