/**
 * Builders for Gateway API objects (v1.6 standard channel) in the rule tests. Like test/util/manifests.ts, every
 * builder returns a schema-valid object, and with their defaults they form a setup no rule reports: Gateway infra/web
 * with an HTTP listener for `*.example.com` that admits routes from every namespace, and HTTPRoute apps/web on it.
 */
import { Manifest, merge } from '../../util/manifests';

export const GWAPI_VERSION = 'gateway.networking.k8s.io/v1';

export interface ListenerOptions {
  readonly name?: string;
  /** @default 80 */
  readonly port?: number;
  /** @default 'HTTP' */
  readonly protocol?: string;
  /** `null` leaves the hostname out. @default '*.example.com' */
  readonly hostname?: string | null;
  /** Secret names (or full certificateRefs) of an HTTPS listener's `tls.certificateRefs`. */
  readonly certificateRefs?: Array<string | Manifest>;
  /** `allowedRoutes`. @default { namespaces: { from: 'All' } } */
  readonly allowedRoutes?: Manifest;
}

/** One listener; with `certificateRefs` it gets a `tls` block (mode Terminate). */
export function listener(opts: ListenerOptions = {}): Manifest {
  const out: Manifest = {
    name: opts.name ?? 'http',
    port: opts.port ?? 80,
    protocol: opts.protocol ?? 'HTTP',
    allowedRoutes: opts.allowedRoutes ?? { namespaces: { from: 'All' } },
  };
  if (opts.hostname !== null) out.hostname = opts.hostname ?? '*.example.com';
  if (opts.certificateRefs) {
    out.tls = { mode: 'Terminate', certificateRefs: opts.certificateRefs.map((r) => (typeof r === 'string' ? { name: r } : r)) };
  }
  return out;
}

/** An HTTPS listener on 443 for `hostname` with certificate `secretName`. */
export function httpsListener(name: string, hostname: string, secretName: string, extra: Partial<ListenerOptions> = {}): Manifest {
  return listener({ name, port: 443, protocol: 'HTTPS', hostname, certificateRefs: [secretName], ...extra });
}

export interface GatewayOptions {
  /** @default 'web' */
  readonly name?: string;
  /** @default 'infra' */
  readonly namespace?: string;
  /** @default [listener()] */
  readonly listeners?: Manifest[];
  /** `spec.allowedListeners`; unset by default (no ListenerSet may attach). */
  readonly allowedListeners?: Manifest;
  readonly annotations?: Record<string, string>;
  readonly override?: any;
}

export function gateway(opts: GatewayOptions = {}): Manifest {
  return merge({
    apiVersion: GWAPI_VERSION,
    kind: 'Gateway',
    metadata: { name: opts.name ?? 'web', namespace: opts.namespace ?? 'infra', ...(opts.annotations ? { annotations: opts.annotations } : {}) },
    spec: {
      gatewayClassName: 'eg',
      ...(opts.allowedListeners ? { allowedListeners: opts.allowedListeners } : {}),
      listeners: opts.listeners ?? [listener()],
    },
  }, opts.override);
}

export interface ListenerSetOptions {
  /** @default 'tenant-a' */
  readonly name?: string;
  /** @default 'tenant-a' */
  readonly namespace?: string;
  /** @default { name: 'web', namespace: 'infra' } */
  readonly parentRef?: Manifest;
  /** @default [listener({ name: 'tenant', hostname: 'a.tenants.example.org' })] */
  readonly listeners?: Manifest[];
  readonly annotations?: Record<string, string>;
}

export function listenerSet(opts: ListenerSetOptions = {}): Manifest {
  return {
    apiVersion: GWAPI_VERSION,
    kind: 'ListenerSet',
    metadata: { name: opts.name ?? 'tenant-a', namespace: opts.namespace ?? 'tenant-a', ...(opts.annotations ? { annotations: opts.annotations } : {}) },
    spec: {
      parentRef: opts.parentRef ?? { name: 'web', namespace: 'infra' },
      listeners: opts.listeners ?? [listener({ name: 'tenant', hostname: 'a.tenants.example.org' })],
    },
  };
}

export interface RouteOptions {
  /** @default 'web' */
  readonly name?: string;
  /** @default 'apps' */
  readonly namespace?: string;
  /** @default [{ name: 'web', namespace: 'infra' }] */
  readonly parentRefs?: Manifest[];
  /** `null` leaves them out. @default ['app.example.com'] */
  readonly hostnames?: string[] | null;
  /** @default one rule: PathPrefix / to Service web:80 */
  readonly rules?: Manifest[];
  readonly annotations?: Record<string, string>;
}

function route(kind: string, opts: RouteOptions, defaultRules: Manifest[]): Manifest {
  return {
    apiVersion: GWAPI_VERSION,
    kind,
    metadata: { name: opts.name ?? 'web', namespace: opts.namespace ?? 'apps', ...(opts.annotations ? { annotations: opts.annotations } : {}) },
    spec: {
      parentRefs: opts.parentRefs ?? [{ name: 'web', namespace: 'infra' }],
      ...(opts.hostnames === null ? {} : { hostnames: opts.hostnames ?? ['app.example.com'] }),
      rules: opts.rules ?? defaultRules,
    },
  };
}

export function httpRoute(opts: RouteOptions = {}): Manifest {
  return route('HTTPRoute', opts, [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'web', port: 80 }] }]);
}

export function grpcRoute(opts: RouteOptions = {}): Manifest {
  return route('GRPCRoute', opts, [{ matches: [{ method: { service: 'shop.Cart', method: 'Get' } }], backendRefs: [{ name: 'cart', port: 9090 }] }]);
}

export interface ReferenceGrantOptions {
  /** @default 'allow-routes' */
  readonly name?: string;
  /** @default 'backends' */
  readonly namespace?: string;
  /** @default [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'apps' }] */
  readonly from?: Manifest[];
  /** @default [{ group: '', kind: 'Service' }] */
  readonly to?: Manifest[];
}

export function referenceGrant(opts: ReferenceGrantOptions = {}): Manifest {
  return {
    apiVersion: GWAPI_VERSION,
    kind: 'ReferenceGrant',
    metadata: { name: opts.name ?? 'allow-routes', namespace: opts.namespace ?? 'backends' },
    spec: {
      from: opts.from ?? [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'apps' }],
      to: opts.to ?? [{ group: '', kind: 'Service' }],
    },
  };
}
