/**
 * Writes a GitOps-style repository for the lint benchmark: one folder per tenant namespace under
 * clusters/prod/, the ingress controller under clusters/prod/ingress-system/, plus the non-Kubernetes
 * files real repositories carry (a kustomization.yaml, a Helm chart folder) that lint must skip.
 *
 * Per route: an Ingress with TLS, its cert-manager Certificate, its Service and a NetworkPolicy allowance.
 * Per tenant: a Namespace, a default-deny NetworkPolicy, and ten Deployments with their PodDisruptionBudgets.
 * 10,000 routes over 100 tenants give about 42,000 objects. Written by hand for this project.
 */
import * as fs from 'fs';
import * as path from 'path';

export const TENANTS = 100;
const DEPLOYMENTS_PER_TENANT = 10;
/** Routes per file: tenants keep their routes in a few files, as repositories grown by hand do. */
const ROUTES_PER_FILE = 25;

export interface RepoStats {
  readonly files: number;
  readonly objects: number;
  readonly bytes: number;
}

function controller(): string {
  return `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: traefik
  annotations:
    ingressclass.kubernetes.io/is-default-class: "true"
spec:
  controller: traefik.io/ingress-controller
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: traefik
  namespace: ingress-system
spec:
  replicas: 2
  selector:
    matchLabels: { app.kubernetes.io/name: traefik }
  template:
    metadata:
      labels: { app.kubernetes.io/name: traefik }
    spec:
      securityContext: { runAsNonRoot: true, runAsUser: 65532, seccompProfile: { type: RuntimeDefault } }
      containers:
        - name: traefik
          image: docker.io/library/traefik:v3.1.4
          args: [--providers.kubernetesingress, --providers.kubernetesingress.ingressclass=traefik]
          ports: [{ name: web, containerPort: 8000 }, { name: websecure, containerPort: 8443 }]
          resources: { requests: { cpu: 200m, memory: 128Mi }, limits: { memory: 256Mi } }
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: traefik
  namespace: ingress-system
spec:
  maxUnavailable: 1
  selector:
    matchLabels: { app.kubernetes.io/name: traefik }
`;
}

function tenantBase(ns: string): string {
  const docs = [`apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
  labels: { team: ${ns} }
`, `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: ${ns}
spec:
  podSelector: {}
  policyTypes: [Ingress]
`];
  for (let d = 0; d < DEPLOYMENTS_PER_TENANT; d++) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${d}
  namespace: ${ns}
spec:
  replicas: 2
  selector:
    matchLabels: { app: app-${d} }
  template:
    metadata:
      labels: { app: app-${d} }
    spec:
      securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: RuntimeDefault } }
      containers:
        - name: app
          image: registry.example.com/${ns}/app-${d}:1.0.${d}
          ports: [{ name: http, containerPort: 8080 }]
          resources: { requests: { cpu: 50m, memory: 64Mi }, limits: { memory: 128Mi } }
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } }
`, `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: app-${d}
  namespace: ${ns}
spec:
  minAvailable: 1
  selector:
    matchLabels: { app: app-${d} }
`);
  }
  return docs.join('---\n');
}

function route(ns: string, r: number): string {
  const app = `app-${r % DEPLOYMENTS_PER_TENANT}`;
  const host = `r${r}.${ns}.example.com`;
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: route-${r}
  namespace: ${ns}
  labels: { app.kubernetes.io/part-of: ${ns} }
spec:
  ingressClassName: traefik
  tls:
    - hosts: [${host}]
      secretName: route-${r}-tls
  rules:
    - host: ${host}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: route-${r}
                port: { name: http }
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: route-${r}
  namespace: ${ns}
spec:
  secretName: route-${r}-tls
  dnsNames: [${host}]
  issuerRef: { name: letsencrypt, kind: ClusterIssuer, group: cert-manager.io }
---
apiVersion: v1
kind: Service
metadata:
  name: route-${r}
  namespace: ${ns}
spec:
  selector: { app: ${app} }
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: route-${r}-from-ingress
  namespace: ${ns}
spec:
  podSelector:
    matchLabels: { app: ${app} }
  policyTypes: [Ingress]
  ingress:
    - from:
        - namespaceSelector:
            matchLabels: { kubernetes.io/metadata.name: ingress-system }
          podSelector:
            matchLabels: { app.kubernetes.io/name: traefik }
      ports:
        - port: http
`;
}

/**
 * Writes the repository for `routes` routes into `dir` (which must exist and be empty). `nonObjects: false`
 * leaves out the kustomization and the Helm chart, for lint versions that could not read them.
 */
export function writeLintRepo(dir: string, routes: number, nonObjects = true): RepoStats {
  let files = 0;
  let objects = 0;
  let bytes = 0;
  const write = (rel: string, text: string, objectCount: number) => {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    files++;
    objects += objectCount;
    bytes += Buffer.byteLength(text);
  };
  const base = path.join('clusters', 'prod');
  if (nonObjects) {
    write(path.join(base, 'kustomization.yaml'), 'resources:\n  - ingress-system\n', 0);
    write(path.join('charts', 'internal', 'Chart.yaml'), 'apiVersion: v2\nname: internal\nversion: 0.1.0\n', 0);
    write(path.join('charts', 'internal', 'templates', 'svc.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n', 0);
  }
  write(path.join(base, 'ingress-system', 'controller.yaml'), controller(), 3);

  const perTenant = Math.ceil(routes / TENANTS);
  for (let t = 0; t < TENANTS; t++) {
    const ns = `tenant-${String(t).padStart(3, '0')}`;
    write(path.join(base, ns, 'base.yaml'), tenantBase(ns), 2 + 2 * DEPLOYMENTS_PER_TENANT);
    const first = t * perTenant;
    const last = Math.min(routes, first + perTenant);
    for (let start = first; start < last; start += ROUTES_PER_FILE) {
      const end = Math.min(last, start + ROUTES_PER_FILE);
      const docs: string[] = [];
      for (let r = start; r < end; r++) docs.push(route(ns, r));
      write(path.join(base, ns, `routes-${String(start).padStart(5, '0')}.yaml`), docs.join('---\n'), 4 * (end - start));
    }
  }
  return { files, objects, bytes };
}
