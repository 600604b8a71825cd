import { SelfHostedControllerFacts } from './controller-facts';

/**
 * Traefik Proxy v3.7.11 with only its Kubernetes Ingress provider. The snapshot available here ends at v3.7.9: the
 * facts were read at tag v3.7.9 (pkg/provider/kubernetes/ingress), which v3.7.10 and v3.7.11 patch without changing
 * what the provider watches.
 */
export const TRAEFIK_3_7_11: SelfHostedControllerFacts = {
  name: 'traefik',
  version: 'v3.7.11',
  source: 'traefik/traefik @ v3.7.9 (provider code)',
  // The image sets no USER (it would run as root); 65532 is the official Helm chart's runAsUser/runAsGroup.
  uid: 65532,
  gid: 65532,
  // The traefik binary carries no file capabilities; every entry point here is above 1023.
  capabilities: [],
  ports: {
    web: { port: 8000, source: '--entryPoints.web.address' },
    websecure: { port: 8443, source: '--entryPoints.websecure.address' },
    traefik: { port: 8080, source: '--entryPoints.traefik.address (serves /ping with --ping)' },
    metrics: { port: 9100, source: '--entryPoints.metrics.address with --metrics.prometheus.entrypoint' },
  },
  // pkg/ping: /ping on the `traefik` entry point.
  probes: {
    liveness: { path: '/ping', portName: 'traefik' },
    readiness: { path: '/ping', portName: 'traefik' },
  },
  // Every flag the profile can pass, by its full name; `<entryPoint>` stands for an entry point's name and `<header>` for a
  // header name (Traefik matches flag names case-insensitively). Static configuration in pkg/config/static
  // (static_config.go: global, entryPoints, ping, metrics, providers, serversTransport, accessLog),
  // entrypoints.go (address, http.redirections.entryPoint.{to,scheme,permanent}, http.tls, http.middlewares,
  // forwardedHeaders.trustedIPs), pkg/types/metrics.go (Prometheus: entryPoint, addRoutersLabels, buckets),
  // pkg/types/logs.go (AccessLog: format, fields.defaultMode, fields.headers.defaultMode and names),
  // pkg/provider/kubernetes/ingress/kubernetes.go (ingressClass, ingressEndpoint.publishedService, allowEmptyServices),
  // pkg/provider/file/file.go (directory, watch), and ForwardingTimeouts (dialTimeout, responseHeaderTimeout).
  flags: [
    '--global.checkNewVersion', '--global.sendAnonymousUsage',
    '--entryPoints.<entryPoint>.address', '--entryPoints.<entryPoint>.http.tls', '--entryPoints.<entryPoint>.http.middlewares',
    '--entryPoints.<entryPoint>.http.redirections.entryPoint.to', '--entryPoints.<entryPoint>.http.redirections.entryPoint.scheme',
    '--entryPoints.<entryPoint>.http.redirections.entryPoint.permanent', '--entryPoints.<entryPoint>.forwardedHeaders.trustedIPs',
    '--ping',
    '--metrics.prometheus', '--metrics.prometheus.entrypoint', '--metrics.prometheus.addRoutersLabels', '--metrics.prometheus.buckets',
    '--accesslog', '--accesslog.format', '--accesslog.fields.defaultmode', '--accesslog.fields.headers.defaultmode',
    '--accesslog.fields.headers.names.<header>',
    '--providers.kubernetesingress', '--providers.kubernetesingress.ingressclass',
    '--providers.kubernetesingress.ingressendpoint.publishedservice', '--providers.kubernetesingress.allowEmptyServices',
    '--providers.file.directory', '--providers.file.watch',
    '--serversTransport.forwardingTimeouts.dialTimeout', '--serversTransport.forwardingTimeouts.responseHeaderTimeout',
  ],
  clusterRbac: [
    {
      apiGroups: [''],
      resources: ['services', 'secrets'],
      verbs: ['get', 'list', 'watch'],
      why: 'pkg/provider/kubernetes/ingress/client.go WatchAll: Service and Secret informers per watched namespace (all)',
    },
    {
      apiGroups: [''],
      resources: ['nodes'],
      verbs: ['get', 'list', 'watch'],
      why: 'client.go WatchAll: cluster-scope Node informer unless disableClusterScopeResources; WaitForCacheSync before the first configuration',
    },
    { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['get', 'list', 'watch'], why: 'client.go WatchAll: EndpointSlice informer' },
    {
      apiGroups: ['networking.k8s.io'],
      resources: ['ingresses', 'ingressclasses'],
      verbs: ['get', 'list', 'watch'],
      why: 'client.go WatchAll: Ingress informer per namespace, IngressClass informer cluster-wide',
    },
    { apiGroups: ['networking.k8s.io'], resources: ['ingresses/status'], verbs: ['update'], why: 'client.go UpdateIngressStatus (ingressEndpoint.publishedService)' },
  ],
  namespaceRbac: [],
  writes: ['Ingress status (client.go UpdateIngressStatus)', 'no Leases or Events'],
  whenForbidden: 'client.go WatchAll blocks in WaitForCacheSync: the provider never produces a configuration and every route answers 404',
  backendCertificateVerification: {
    annotations: [],
    caObject: undefined,
    checksHostname: false,
    limitation: 'the CA and server name live in a ServersTransport (a Traefik CRD or the file provider) named by the backend Service\'s '
      + 'traefik.ingress.kubernetes.io/service.serverstransport annotation; the Ingress has no annotation for it, and the Service is not ours',
    from: 'pkg/provider/kubernetes/ingress/annotations.go RouterIng (no transport) and ServiceIng.ServersTransport; '
      + 'pkg/provider/kubernetes/ingress/kubernetes.go loadService (parseServiceConfig(service.Annotations))',
  },
};
