/**
 * Validators for every value this library writes into a manifest or a controller's configuration, each a port of
 * the check the API server (Kubernetes 1.28), cert-manager's webhook or the controller applies. The bottom layer:
 * it imports nothing else of this library, so constructs and rules alike use it.
 */
export * from './dns';
export * from './duration';
export * from './ingress';
export * from './ip';
export * from './names';
export * from './numbers';
export * from './ports';
