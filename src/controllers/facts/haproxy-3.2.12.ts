import { SelfHostedControllerFacts } from './controller-facts';

/**
 * HAProxy Kubernetes Ingress Controller 3.2.12 (haproxytech/kubernetes-ingress). The snapshot available here had no
 * v3.2.12 tag: the facts were read on the v3.2 branch at 9e4b6b93 (v3.2.11 plus the 3.2.12 fixes: block_secrets,
 * ssl-passthrough, go.mod), where none of the files below differs in what is recorded.
 */
export const HAPROXY_3_2_12: SelfHostedControllerFacts = {
  name: 'haproxy',
  version: '3.2.12',
  source: 'haproxytech/kubernetes-ingress v3.2 @ 9e4b6b93',
  // deploy/haproxy-ingress.yaml: runAsUser/runAsGroup 1000 (the image's `haproxy` user, S6_USER in build/Dockerfile).
  uid: 1000,
  gid: 1000,
  // build/Dockerfile: `setcap 'cap_net_bind_service=+ep' /usr/local/sbin/haproxy_wrapper`. Without the capability in
  // the bounding set exec fails (EPERM) whatever the port, so HAProxy never starts. deploy/haproxy-ingress.yaml adds it.
  capabilities: ['NET_BIND_SERVICE'],
  ports: {
    // pkg/utils/flags.go: --http-bind-port (default 8080), --https-bind-port (default 8443).
    'http': { port: 8080, source: '--http-bind-port, pkg/utils/flags.go' },
    'https': { port: 8443, source: '--https-bind-port, pkg/utils/flags.go' },
    // pkg/utils/flags.go --stats-bind-port; fs/usr/local/etc/haproxy/haproxy.cfg `frontend stats` serves the
    // proxy's metrics (prometheus-exporter) at /metrics.
    'stat': { port: 1024, source: '--stats-bind-port, pkg/utils/flags.go; frontend stats in fs/usr/local/etc/haproxy/haproxy.cfg' },
    // pkg/utils/flags.go --healthz-bind-port; pkg/controller/controller.go setToReady binds it after the first sync.
    'healthz': { port: 1042, source: '--healthz-bind-port, pkg/utils/flags.go; setToReady in pkg/controller/controller.go' },
    // pkg/utils/flags.go --controller-port (default 6060); pkg/controller/builder.go serves /metrics there with --prometheus.
    'ctrl-metrics': { port: 6060, source: '--controller-port, pkg/utils/flags.go; addControllerMetricData in pkg/controller/builder.go' },
  },
  // fs/usr/local/etc/haproxy/haproxy.cfg `frontend healthz`: monitor-uri /healthz. The frontend gets its bind only in
  // setToReady (pkg/controller/controller.go), after the informers of pkg/k8s/main.go MonitorChanges have synced.
  probes: {
    liveness: { path: '/healthz', portName: 'healthz' },
    readiness: { path: '/healthz', portName: 'healthz' },
  },
  // pkg/utils/flags.go (go-flags `long:` names).
  flags: ['--configmap', '--publish-service', '--http-bind-port', '--https-bind-port', '--ingress.class', '--prometheus', '--empty-ingress-class'],
  clusterRbac: [
    {
      apiGroups: [''],
      resources: ['endpoints', 'namespaces', 'secrets', 'services'],
      verbs: ['get', 'list', 'watch'],
      why: 'pkg/k8s/main.go runInformers: namespace, service and secret informers over every namespace (no --namespace-whitelist); '
        + 'the endpoints informer runs only where EndpointSlices are missing or /version fails (endpointsMirroring)',
    },
    {
      apiGroups: ['discovery.k8s.io'],
      resources: ['endpointslices'],
      verbs: ['get', 'list', 'watch'],
      why: 'pkg/k8s/informers.go getEndpointSliceInformer',
    },
    {
      apiGroups: ['networking.k8s.io'],
      resources: ['ingresses', 'ingressclasses'],
      verbs: ['get', 'list', 'watch'],
      why: 'pkg/k8s/informers.go getIngressInformers; pkg/ingress/status.go gets the Ingress before updating its status',
    },
    {
      apiGroups: ['networking.k8s.io'],
      resources: ['ingresses/status'],
      verbs: ['update'],
      why: 'pkg/ingress/status.go UpdateStatus publishes the --publish-service address',
    },
    {
      apiGroups: ['apiextensions.k8s.io'],
      resources: ['customresourcedefinitions'],
      verbs: ['list', 'watch'],
      why: 'pkg/k8s/crs-monitor.go runCRDefinitionsInformer waits for its CRD informer to sync before MonitorChanges reaches the first '
        + 'sync; forbidden, it never syncs and the healthz port never opens. No get: IsGatewayAPIInstalled (pkg/k8s/main.go) then '
        + 'logs the 403 and leaves the Gateway API informers off, which this profile grants nothing for',
    },
    {
      apiGroups: ['ingress.v1.haproxy.org'],
      resources: ['backends', 'defaults', 'globals', 'tcps'],
      verbs: ['get', 'list', 'watch'],
      why: 'pkg/k8s/main.go runCRInformers and pkg/k8s/crs-monitor.go: an informer per installed CRD kind, waited for before the first sync',
    },
    {
      apiGroups: ['ingress.v3.haproxy.org'],
      resources: ['backends', 'defaults', 'frontends', 'globals', 'tcps'],
      verbs: ['get', 'list', 'watch'],
      why: 'pkg/k8s/main.go runCRInformers and pkg/k8s/crs-monitor.go, as ingress.v1.haproxy.org; validationrules only with '
        + '--custom-validation-rules, which the profile does not pass',
    },
  ],
  namespaceRbac: [
    {
      apiGroups: [''],
      resources: ['configmaps', 'pods'],
      verbs: ['get', 'list', 'watch'],
      why: 'pkg/k8s/main.go runConfigMapInformers watches the --configmap in its own namespace (field selector on the name); '
        + 'runPodInformer watches POD_NAMESPACE only (pkg/k8s/informers.go getPodInformer)',
    },
  ],
  writes: [
    'Ingress status (pkg/ingress/status.go)',
    'no Leases, Events or Secrets: no client call creates or updates them outside the --job-check-crd job (pkg/job/crd-check.go)',
  ],
  whenForbidden: 'informers retry without end: cache.WaitForCacheSync in pkg/k8s/main.go and pkg/k8s/crs-monitor.go blocks, the '
    + 'first sync never runs and the healthz frontend never binds, so the pod never becomes Ready',
  backendCertificateVerification: {
    annotations: ['haproxy.org/server-ca'],
    caObject: { kinds: ['Secret'], key: 'tls.crt' },
    checksHostname: false,
    limitation: 'server-ca reads the CA from the Secret\'s tls.crt, not ca.crt, so the Secret the other profiles read does not work; '
      + 'and no annotation sets the server line\'s sni or verifyhost, so only the chain is checked, not the backend\'s name',
    from: 'pkg/annotations/service/ca.go (verify required, ssl-cafile from the Secret); pkg/haproxy/certs/main.go writeSecret '
      + '(a CA_CERT Secret is read from tls.crt); pkg/annotations/annotations.go Backend (no sni or verifyhost annotation)',
  },
};
