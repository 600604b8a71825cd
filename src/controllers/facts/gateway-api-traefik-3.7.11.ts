import { RbacNeed } from './controller-facts';
import { GatewayApiImplementationFacts, SourcedFact } from './gateway-api-facts';

/** Traefik's Kubernetes Gateway API provider, next to the Ingress provider of TRAEFIK_3_7_11. */
export interface TraefikGatewayProviderFacts extends GatewayApiImplementationFacts {
  /** Static-configuration flags of the provider, by their full names (Traefik matches them case-insensitively). */
  readonly flags: SourcedFact<string[]>;
  /** The flag that adds the experimental-channel kinds (TCPRoute). */
  readonly experimentalChannelFlag: SourcedFact<string>;
  /** Grants the provider needs; the provider lists and watches from informer caches and never GETs. */
  readonly clusterRbac: RbacNeed[];
  /** How a Gateway listener finds its entry point. */
  readonly listenerToEntryPoint: SourcedFact<string>;
  /** How an HTTPRoute references a Middleware. */
  readonly middlewareFilter: SourcedFact<{ filterType: string; group: string; kind: string; namespace: string; needs: string }>;
  /** What the CRD provider (needed for Middleware filters) lists and watches in addition. */
  readonly crdProviderRbac: RbacNeed[];
  /** Static-configuration flags of the CRD provider that the profile passes. */
  readonly crdProviderFlags: SourcedFact<string[]>;
  /** Which objects the Gateway provider's label selector filters (how one Traefik claims only its own GatewayClass). */
  readonly gatewayClassSelection: SourcedFact<string>;
  /** Whether the provider applies the standard HTTPRoute `timeouts` field. */
  readonly routeTimeouts: SourcedFact<boolean>;
  /** Which client address an `ipStrategy` without depth or excluded IPs uses (allowlists, rate-limit source criterion). */
  readonly emptyIpStrategy: SourcedFact<string>;
  /** Kinds a BackendTLSPolicy's `validation.caCertificateRefs` may name (core group, the policy's namespace), and the key read. */
  readonly backendCaRefKinds: SourcedFact<{ kinds: string[]; key: string }>;
  /** The route kinds whose backends the provider applies BackendTLSPolicies to. */
  readonly backendTlsPolicyRouteKinds: SourcedFact<string[]>;
  /** Whether the entry points' own settings (middlewares, forwardedHeaders) apply to the routers the Gateway provider builds. */
  readonly entryPointSettings: SourcedFact<{ middlewares: string; forwardedHeaders: string }>;
  /** Client certificate validation for Gateway listeners: the standard `spec.tls.frontend`, or a TLSOption per listener. */
  readonly frontendValidation: SourcedFact<{ implemented: boolean; listenerTlsOption: boolean; routerTls: string }>;
  readonly whenForbidden: string;
}

const GW = 'gateway.networking.k8s.io';
const WATCH_ALL = 'pkg/provider/kubernetes/gateway/client.go WatchAll';
const LIST_WATCH = ['list', 'watch'];

/**
 * Traefik Proxy v3.7.11's Gateway API provider (`providers.kubernetesgateway`). As for TRAEFIK_3_7_11, the snapshot
 * available here ends at v3.7.9: read at tag v3.7.9 (pkg/provider/kubernetes/gateway), which v3.7.10 and v3.7.11 patch
 * without changing what the provider watches.
 */
export const TRAEFIK_3_7_11_GATEWAY_API: TraefikGatewayProviderFacts = {
  name: 'traefik',
  version: 'v3.7.11',
  source: 'traefik/traefik @ v3.7.9 (provider code)',
  controllerName: { value: 'traefik.io/gateway-controller', from: 'pkg/provider/kubernetes/gateway/kubernetes.go controllerName' },
  // Built against Gateway API v1.5.1: there is no ListenerSet support in this version (no reference in the provider).
  gatewayApiModule: { value: 'v1.5.1', from: 'go.mod sigs.k8s.io/gateway-api' },
  kinds: [
    { kind: 'GatewayClass', apiVersion: `${GW}/v1`, watched: 'always', writesStatus: true, from: `${WATCH_ALL} (cluster-wide, filtered by labelSelector)` },
    { kind: 'Gateway', apiVersion: `${GW}/v1`, watched: 'always', writesStatus: true, from: WATCH_ALL },
    { kind: 'HTTPRoute', apiVersion: `${GW}/v1`, watched: 'always', writesStatus: true, from: WATCH_ALL },
    { kind: 'GRPCRoute', apiVersion: `${GW}/v1`, watched: 'always', writesStatus: true, from: WATCH_ALL },
    { kind: 'TLSRoute', apiVersion: `${GW}/v1`, watched: 'always', writesStatus: true, from: WATCH_ALL },
    { kind: 'BackendTLSPolicy', apiVersion: `${GW}/v1`, watched: 'always', writesStatus: true, from: WATCH_ALL },
    { kind: 'ReferenceGrant', apiVersion: `${GW}/v1beta1`, watched: 'always', writesStatus: false, from: WATCH_ALL },
    {
      kind: 'TCPRoute',
      apiVersion: `${GW}/v1alpha2`,
      watched: '--providers.kubernetesgateway.experimentalchannel',
      writesStatus: true,
      from: `${WATCH_ALL} (if c.experimentalChannel)`,
    },
  ],
  flags: {
    value: [
      '--providers.kubernetesgateway',
      '--providers.kubernetesgateway.experimentalchannel',
      '--providers.kubernetesgateway.labelselector',
      '--providers.kubernetesgateway.namespaces',
      '--providers.kubernetesgateway.statusaddress.ip',
      '--providers.kubernetesgateway.statusaddress.hostname',
      '--providers.kubernetesgateway.statusaddress.service.name',
      '--providers.kubernetesgateway.statusaddress.service.namespace',
      '--providers.kubernetesgateway.nativelbbydefault',
      '--providers.kubernetesgateway.throttleduration',
      // Registers the Middleware filter builder with the Gateway provider (static_config.go).
      '--providers.kubernetescrd',
    ],
    from: 'pkg/config/static/static_config.go Providers.KubernetesGateway, Providers.KubernetesCRD; pkg/provider/kubernetes/gateway/kubernetes.go Provider, StatusAddress, ServiceRef',
  },
  experimentalChannelFlag: { value: '--providers.kubernetesgateway.experimentalchannel', from: 'pkg/provider/kubernetes/gateway/kubernetes.go Provider.ExperimentalChannel' },
  clusterRbac: [
    { apiGroups: [''], resources: ['namespaces'], verbs: LIST_WATCH, why: `${WATCH_ALL}: cluster-wide Namespace informer (allowedRoutes namespace selectors)` },
    {
      apiGroups: [''],
      resources: ['services', 'configmaps', 'secrets'],
      verbs: LIST_WATCH,
      why: `${WATCH_ALL}: per watched namespace (all by default); Secrets with owner!=helm only; ConfigMaps for BackendTLSPolicy CAs`,
    },
    { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: LIST_WATCH, why: `${WATCH_ALL}: EndpointSlice informer per watched namespace` },
    {
      apiGroups: [GW],
      resources: ['gatewayclasses', 'gateways', 'httproutes', 'grpcroutes', 'tlsroutes', 'referencegrants', 'backendtlspolicies'],
      verbs: LIST_WATCH,
      why: `${WATCH_ALL}: GatewayClass cluster-wide, the others per watched namespace; all must be installed (WaitForCacheSync)`,
    },
    {
      apiGroups: [GW],
      resources: ['gatewayclasses/status', 'gateways/status', 'httproutes/status', 'grpcroutes/status', 'tlsroutes/status', 'backendtlspolicies/status'],
      verbs: ['update'],
      why: 'pkg/provider/kubernetes/gateway/client.go Update*Status: UpdateStatus on an object read from the informer cache',
    },
  ],
  listenerToEntryPoint: {
    value: 'A listener binds the entry point whose address ends in ":<listener port>" (an HTTP listener skips entry points with http.tls); '
      + 'no match rejects the listener. So listener ports are the entry points\' container ports (8000, 8443 in this library), not 80/443.',
    from: 'pkg/provider/kubernetes/gateway/kubernetes.go entryPointName; pkg/config/static/static_config.go (the provider gets each entry point\'s '
      + 'GetAddress(), without its "/tcp" suffix, and HasHTTPTLSConf = http.tls set)',
  },
  middlewareFilter: {
    value: {
      filterType: 'ExtensionRef',
      group: 'traefik.io',
      kind: 'Middleware',
      namespace: 'the HTTPRoute\'s namespace (ExtensionRef is a local reference)',
      needs: '--providers.kubernetescrd: without it the group/kind has no filter builder and the route is rejected ("unsupported filter extension ref")',
    },
    from: 'pkg/provider/kubernetes/gateway/httproute.go loadHTTPRouteFilterExtensionRef; pkg/provider/kubernetes/crd/kubernetes.go RegisterFilterFuncs; '
      + 'pkg/config/static/static_config.go FillExtensionBuilderRegistry',
  },
  crdProviderRbac: [
    {
      apiGroups: ['traefik.io'],
      resources: [
        'ingressroutes', 'ingressroutetcps', 'ingressrouteudps', 'middlewares', 'middlewaretcps', 'serverstransports',
        'serverstransporttcps', 'tlsoptions', 'tlsstores', 'traefikservices',
      ],
      verbs: LIST_WATCH,
      why: 'pkg/provider/kubernetes/crd/client.go WatchAll: one informer per Traefik CRD per watched namespace; every CRD must be installed',
    },
    {
      apiGroups: [''],
      resources: ['services', 'secrets', 'configmaps'],
      verbs: LIST_WATCH,
      why: 'pkg/provider/kubernetes/crd/client.go WatchAll',
    },
    { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: LIST_WATCH, why: 'pkg/provider/kubernetes/crd/client.go WatchAll' },
  ],
  crdProviderFlags: {
    value: ['--providers.kubernetescrd', '--providers.kubernetescrd.ingressclass'],
    from: 'pkg/provider/kubernetes/crd/kubernetes.go Provider.IngressClass (IngressRoutes without that class are skipped: shouldProcessIngress); '
      + 'Middlewares are not filtered by class, and allowCrossNamespace stays false (its default)',
  },
  gatewayClassSelection: {
    value: 'labelSelector applies to the GatewayClass informer only; a GatewayClass outside it is ignored, and Gateways of ignored classes are not served',
    from: 'pkg/provider/kubernetes/gateway/client.go WatchAll (factoryGatewayClass WithTweakListOptions(labelSelectorOptions)); kubernetes.go Provider.LabelSelector',
  },
  routeTimeouts: {
    value: false,
    from: 'pkg/provider/kubernetes/gateway/httproute.go: no reference to HTTPRouteRule.Timeouts (request, backendRequest) anywhere in the provider',
  },
  emptyIpStrategy: {
    value: 'the connection\'s remote address (RemoteAddrStrategy); X-Forwarded-For is read only with depth > 0 or excludedIPs',
    from: 'pkg/config/dynamic/middlewares.go IPStrategy.Get',
  },
  backendCaRefKinds: {
    value: { kinds: ['ConfigMap', 'Secret'], key: 'ca.crt' },
    from: 'pkg/provider/kubernetes/gateway/httproute.go loadServersTransport (other groups or kinds: ResolvedRefs False, InvalidKind; an empty ca.crt: InvalidCACertificateRef)',
  },
  backendTlsPolicyRouteKinds: {
    // A GRPCRoute backend speaks https only through the Service port's appProtocol, without the policy's CA or hostname.
    value: ['HTTPRoute'],
    from: 'pkg/provider/kubernetes/gateway/httproute.go loadHTTPServers lists BackendTLSPolicies for the Service; grpcroute.go loadGRPCServers never does',
  },
  entryPointSettings: {
    value: {
      middlewares: 'applied: every root router of every provider gets its entry point\'s model, whose middlewares go before the router\'s own',
      forwardedHeaders: 'applied: the entry point\'s HTTP server wraps every request in the forwarded-headers handler (trustedIPs, insecure) before any router',
    },
    from: 'pkg/server/aggregator.go applyModel (cp.Middlewares = append(m.Middlewares, cp.Middlewares...)); '
      + 'pkg/server/server_entrypoint_tcp.go newHTTPServer (forwardedheaders.NewXForwarded); pkg/provider/kubernetes/gateway/httproute.go (routers without parentRefs)',
  },
  frontendValidation: {
    value: { implemented: false, listenerTlsOption: false, routerTls: 'an empty RouterTLSConfig on HTTPS listeners: the default TLS option' },
    from: 'pkg/provider/kubernetes/gateway/httproute.go (router.TLS = &dynamic.RouterTLSConfig{}); no reference to GatewayTLSConfig.Frontend '
      + 'or listener tls.options anywhere in pkg/provider/kubernetes/gateway',
  },
  whenForbidden: 'client.go WatchAll blocks in WaitForCacheSync until the provider stops: a forbidden list (or a missing CRD such as TLSRoute) '
    + 'means no Gateway API configuration and no status, while the Ingress provider keeps serving',
};
