import { SelfHostedControllerFacts } from './controller-facts';

/**
 * ingress-nginx controller-v1.15.1 (kubernetes/ingress-nginx, tag controller-v1.15.1). The RBAC is upstream's static
 * manifest (deploy/static/provider/cloud/deploy.yaml) without the admission webhook's objects; the profile matches it.
 */
export const INGRESS_NGINX_1_15_1: SelfHostedControllerFacts = {
  name: 'ingress-nginx',
  version: 'v1.15.1',
  source: 'kubernetes/ingress-nginx @ controller-v1.15.1',
  // images/nginx/rootfs/Dockerfile: `adduser -S -D -H -u 101 ... www-data`; deploy.yaml: runAsUser 101, runAsGroup 82.
  uid: 101,
  gid: 82,
  // rootfs/Dockerfile: setcap cap_net_bind_service=+ep on /nginx-ingress-controller, nginx and dumb-init (the entrypoint).
  capabilities: ['NET_BIND_SERVICE'],
  ports: {
    // nginx binds 80/443 (pkg/flags/flags.go --http-port, --https-port defaults); 10254 is --healthz-port, which also serves /metrics.
    http: { port: 80, source: '--http-port, pkg/flags/flags.go' },
    https: { port: 443, source: '--https-port, pkg/flags/flags.go' },
    metrics: { port: 10254, source: '--healthz-port, pkg/flags/flags.go' },
  },
  // deploy.yaml livenessProbe and readinessProbe: GET /healthz on 10254.
  probes: {
    liveness: { path: '/healthz', portName: 'metrics' },
    readiness: { path: '/healthz', portName: 'metrics' },
  },
  // pkg/flags/flags.go.
  flags: ['--publish-service', '--election-id', '--controller-class', '--ingress-class', '--configmap', '--enable-metrics', '--watch-ingress-without-class'],
  // deploy.yaml ClusterRole ingress-nginx; informers in internal/ingress/controller/store/store.go.
  clusterRbac: [
    { apiGroups: [''], resources: ['configmaps', 'endpoints', 'nodes', 'pods', 'secrets', 'namespaces'], verbs: ['list', 'watch'], why: 'deploy.yaml ClusterRole; store.go informers' },
    { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['list', 'watch'], why: 'deploy.yaml ClusterRole' },
    { apiGroups: [''], resources: ['nodes'], verbs: ['get'], why: 'deploy.yaml ClusterRole' },
    { apiGroups: [''], resources: ['services'], verbs: ['get', 'list', 'watch'], why: 'deploy.yaml ClusterRole; store.go Service informer' },
    { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: ['get', 'list', 'watch'], why: 'deploy.yaml ClusterRole; store.go Ingress informer' },
    { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'], why: 'deploy.yaml ClusterRole; store.go event recorder' },
    { apiGroups: ['networking.k8s.io'], resources: ['ingresses/status'], verbs: ['update'], why: 'deploy.yaml ClusterRole; status sync' },
    { apiGroups: ['networking.k8s.io'], resources: ['ingressclasses'], verbs: ['get', 'list', 'watch'], why: 'deploy.yaml ClusterRole; store.go IngressClass informer' },
    { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['list', 'watch', 'get'], why: 'deploy.yaml ClusterRole; store.go EndpointSlice informer' },
  ],
  // deploy.yaml Role ingress-nginx; the Lease name is the --election-id (one per gateway here).
  namespaceRbac: [
    { apiGroups: [''], resources: ['namespaces'], verbs: ['get'], why: 'deploy.yaml Role' },
    { apiGroups: [''], resources: ['configmaps', 'pods', 'secrets', 'endpoints'], verbs: ['get', 'list', 'watch'], why: 'deploy.yaml Role' },
    { apiGroups: [''], resources: ['services'], verbs: ['get', 'list', 'watch'], why: 'deploy.yaml Role' },
    { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: ['get', 'list', 'watch'], why: 'deploy.yaml Role' },
    { apiGroups: ['networking.k8s.io'], resources: ['ingresses/status'], verbs: ['update'], why: 'deploy.yaml Role' },
    { apiGroups: ['networking.k8s.io'], resources: ['ingressclasses'], verbs: ['get', 'list', 'watch'], why: 'deploy.yaml Role' },
    {
      apiGroups: ['coordination.k8s.io'],
      resources: ['leases'],
      onlyElectionLease: true,
      verbs: ['get', 'update'],
      why: 'deploy.yaml Role: leader election on the --election-id Lease',
    },
    { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create'], why: 'deploy.yaml Role: create can not be restricted by resourceNames' },
    { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'], why: 'deploy.yaml Role' },
    { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['list', 'watch', 'get'], why: 'deploy.yaml Role' },
  ],
  writes: ['the --election-id Lease', 'Ingress status', 'Events'],
  whenForbidden: 'the store informers retry and the controller never passes its initial sync (internal/ingress/controller/store/store.go)',
  backendCertificateVerification: {
    annotations: [
      'nginx.ingress.kubernetes.io/proxy-ssl-secret',
      'nginx.ingress.kubernetes.io/proxy-ssl-verify',
      'nginx.ingress.kubernetes.io/proxy-ssl-name',
      'nginx.ingress.kubernetes.io/proxy-ssl-server-name',
    ],
    // A Secret with tls.crt and tls.key as well is also presented to the backend as a client certificate.
    caObject: { kinds: ['Secret'], key: 'ca.crt' },
    checksHostname: true,
    limitation: 'no verification without a CA Secret: proxy_ssl_verify is written only next to proxy_ssl_trusted_certificate '
      + '(verify defaults to off), so the system CAs can not be named; the Secret must be in the Ingress\'s namespace '
      + '(allow-cross-namespace-resources defaults to false)',
    from: 'internal/ingress/annotations/proxyssl/main.go (Parse: "namespace/name", verify and server-name on|off, both default off); '
      + 'internal/ingress/controller/store/backend_ssl.go getPemCertificate (a ca.crt-only Secret is accepted); '
      + 'rootfs/etc/nginx/template/nginx.tmpl (location: proxy_ssl_trusted_certificate and proxy_ssl_verify only with a CA file); '
      + 'internal/ingress/controller/config/config.go (annotations-risk-level High admits proxy-ssl-name, risk High)',
  },
};
