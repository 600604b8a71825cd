/**
 * The benchmark's input: a deterministic route list and the plain JSON of every per-route object.
 *
 * The original four variants are built from the same `RouteSpec[]` (the user path from `buildUserRoutes`).
 * The JSON builders here are the single source of truth for the "plain ApiObjects" baseline; the library
 * variant writes the same objects through typed props, and `--check` verifies both synthesize to identical YAML.
 */

/** Tenants (one chart each, namespace `tenant-XX`). */
export const TENANTS = 100;

export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
/** Matches what `Route` puts on its Ingress, so the baselines emit the same labels. */
export const MANAGED_BY = 'cdk8s-gateways';

/** The two gateways: a default public class and an internal one (AWS internal load balancer). */
export interface GatewaySpec {
  readonly className: string;
  readonly namespace: string;
  readonly hostSuffix: string;
}

export const PUBLIC_WEB: GatewaySpec = { className: 'public-web', namespace: 'ingress-public-web', hostSuffix: 'example.com' };
export const INTERNAL_API: GatewaySpec = { className: 'internal-api', namespace: 'ingress-internal-api', hostSuffix: 'internal.example.com' };

/** The ClusterIssuer every Certificate references. */
export const CLUSTER_ISSUER = 'letsencrypt';

/** The tenant app: one Deployment per tenant; every route's Service selects its pods. */
export const APP_NAME = 'app';
export const APP_LABELS: Record<string, string> = { 'app.kubernetes.io/name': 'app', 'app.kubernetes.io/component': 'web' };
export const APP_IMAGE = 'nginxinc/nginx-unprivileged:1.27.3-alpine';
export const APP_PORT = 8080;
export const SERVICE_PORT = 80;

export interface RouteSpec {
  /** Short unique name (`r00042`), used for the Service, Ingress and Certificate. */
  readonly name: string;
  readonly tenant: number;
  readonly namespace: string;
  readonly gateway: GatewaySpec;
  readonly host: string;
  readonly secretName: string;
  readonly policyName: string;
  /** The route's path. @default '/' */
  readonly path?: string;
}

export function tenantNamespace(tenant: number): string {
  return `tenant-${String(tenant).padStart(2, '0')}`;
}

/**
 * `n` routes, round-robin over the tenants. Gateways alternate per round (not per route), so every
 * tenant gets routes on both classes and NetworkPolicies for both controllers.
 */
export function buildRoutes(n: number): RouteSpec[] {
  const routes: RouteSpec[] = [];
  for (let i = 0; i < n; i++) {
    const tenant = i % TENANTS;
    const gateway = Math.floor(i / TENANTS) % 2 === 0 ? PUBLIC_WEB : INTERNAL_API;
    const name = `r${String(i).padStart(5, '0')}`;
    const namespace = tenantNamespace(tenant);
    routes.push({
      name,
      tenant,
      namespace,
      gateway,
      host: `${name}.${namespace}.${gateway.hostSuffix}`,
      secretName: `${name}-tls`,
      policyName: `${name}-allow-${gateway.className}`,
    });
  }
  return routes;
}

/** Routes grouped by tenant, in tenant order (each variant builds one chart per group). */
export function routesByTenant(routes: RouteSpec[]): RouteSpec[][] {
  const groups: RouteSpec[][] = Array.from({ length: TENANTS }, () => []);
  for (const route of routes) groups[route.tenant].push(route);
  return groups;
}

/** A Kubernetes manifest as the plain baseline passes it to `new ApiObject(...)`. */
export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  readonly [key: string]: any;
}

/** The JSON `Route` synthesizes for one route (no route options, so no controller annotations). */
export function ingressManifest(route: RouteSpec): Manifest {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: route.name, labels: { [MANAGED_BY_LABEL]: MANAGED_BY } },
    spec: {
      ingressClassName: route.gateway.className,
      tls: [{ hosts: [route.host], secretName: route.secretName }],
      rules: [{
        host: route.host,
        http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: route.name, port: { number: SERVICE_PORT } } } }] },
      }],
    },
  };
}

export function certificateManifest(route: RouteSpec): Manifest {
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name: route.name },
    spec: {
      dnsNames: [route.host],
      secretName: route.secretName,
      issuerRef: { name: CLUSTER_ISSUER, kind: 'ClusterIssuer', group: 'cert-manager.io' },
    },
  };
}

export function serviceManifest(route: RouteSpec): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: route.name },
    spec: {
      type: 'ClusterIP',
      selector: APP_LABELS,
      ports: [{ name: 'http', port: SERVICE_PORT, targetPort: APP_PORT, protocol: 'TCP' }],
    },
  };
}

/** Lets the route's gateway controller pods (by namespace and pod labels) reach the app pods on the target port. */
export function networkPolicyManifest(route: RouteSpec, controllerPodLabels: Record<string, string>): Manifest {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: route.policyName },
    spec: {
      podSelector: { matchLabels: APP_LABELS },
      policyTypes: ['Ingress'],
      ingress: [{
        from: [{
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': route.gateway.namespace } },
          podSelector: { matchLabels: controllerPodLabels },
        }],
        ports: [{ protocol: 'TCP', port: APP_PORT }],
      }],
    },
  };
}

/** The tenant app Deployment: pinned image, resources, and a pod spec that meets the `restricted` profile. */
export function appDeploymentManifest(): Manifest {
  const probe = { httpGet: { path: '/', port: APP_PORT }, periodSeconds: 10 };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: APP_NAME, labels: APP_LABELS },
    spec: {
      replicas: 2,
      selector: { matchLabels: APP_LABELS },
      template: {
        metadata: { labels: APP_LABELS },
        spec: {
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [{
            name: 'web',
            image: APP_IMAGE,
            ports: [{ name: 'http', containerPort: APP_PORT, protocol: 'TCP' }],
            resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
            securityContext: {
              runAsNonRoot: true,
              runAsUser: 101,
              runAsGroup: 101,
              allowPrivilegeEscalation: false,
              readOnlyRootFilesystem: true,
              capabilities: { drop: ['ALL'] },
              seccompProfile: { type: 'RuntimeDefault' },
            },
            livenessProbe: probe,
            readinessProbe: probe,
          }],
        },
      },
    },
  };
}

/** What the library's gateways chart synthesizes, captured once per run (see `infra.ts`). */
export interface GatewayInfra {
  /** Chart id and objects, in synthesis order. */
  readonly chartId: string;
  readonly objects: Manifest[];
  /** Controller pod labels by class name, for the NetworkPolicies. */
  readonly controllerPodLabels: Record<string, Record<string, string>>;
}

// ---- the user path (issue 14) ----------------------------------------------------------------------

/** The user path's Let's Encrypt account email (the `AcmeIssuer`). */
export const ACME_EMAIL = 'platform@example.com';

/** The hosts a tenant may serve on the user path: every host below its namespace's domain. */
export function tenantHosts(tenant: number): string[] {
  return [`*.${tenantNamespace(tenant)}.${PUBLIC_WEB.hostSuffix}`];
}

/**
 * The user path's routes: `buildRoutes(n)` with every route on the one public gateway, so each host
 * (`r00042.tenant-42.example.com`) lies inside its tenant's `tenantHosts`.
 */
export function buildUserRoutes(n: number): RouteSpec[] {
  return buildRoutes(n).map((route) => ({
    ...route,
    gateway: PUBLIC_WEB,
    host: `${route.name}.${route.namespace}.${PUBLIC_WEB.hostSuffix}`,
    policyName: `${route.name}-allow-${PUBLIC_WEB.className}`,
  }));
}

/** One chart of the user-path app as it synthesizes, captured once per size (see `user-capture.ts`). */
export interface CapturedChart {
  /** The chart's construct id (every chart of the user path is a child of the app). */
  readonly id: string;
  /** The file cdk8s writes the chart to, without the output directory. */
  readonly fileName: string;
  /** Ids of the charts this chart depends on, so a rebuilt app orders and names its files the same way. */
  readonly dependsOn: string[];
  /** The objects, in synthesis order. */
  readonly objects: Manifest[];
}

/** What the user-path variant synthesizes at one size: the input of baselines (a2) and (c). */
export interface UserPathCapture {
  readonly charts: CapturedChart[];
}

// ---- the Gateway API user path (issue 15) -----------------------------------------------------------

/** Hosts per tenant on the Gateway API path: one ListenerSet listener each, so at most 64 (CG-GWAPI-010). */
export const GATEWAY_API_HOSTS_PER_TENANT = 50;

/**
 * The Gateway API path's routes: `buildUserRoutes(n)`, but a tenant's routes spread over at most
 * `GATEWAY_API_HOSTS_PER_TENANT` hosts (`h07.tenant-42.example.com`), each host with several paths (`/p1`) and one
 * TLS secret, so no ListenerSet needs more than 64 listeners at 10,000 routes (100 per tenant: 50 hosts, 2 paths).
 */
export function buildGatewayApiRoutes(n: number): RouteSpec[] {
  return buildUserRoutes(n).map((route, i) => {
    const round = Math.floor(i / TENANTS);
    const hostIndex = round % GATEWAY_API_HOSTS_PER_TENANT;
    const host = `h${String(hostIndex).padStart(2, '0')}.${route.namespace}.${PUBLIC_WEB.hostSuffix}`;
    return { ...route, host, secretName: `h${String(hostIndex).padStart(2, '0')}-tls`, path: `/p${Math.floor(round / GATEWAY_API_HOSTS_PER_TENANT)}` };
  });
}
