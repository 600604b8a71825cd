import { FieldPath, GatewayApiImplementationFacts, SourcedFact } from './gateway-api-facts';

/** The data plane Envoy Gateway creates for each Gateway (its control plane is a prerequisite, not generated). */
export interface EnvoyProxyDataPlaneFacts {
  /** Labels on the proxy Deployment, its pods and Service; the `<gateway ...>` values name the owning Gateway. */
  readonly labels: SourcedFact<{ [key: string]: string }>;
  /** Extra label in the gateway-namespace deploy mode: value is the generated proxy resource name. */
  readonly gatewayNamespaceModeLabel: SourcedFact<string>;
  /** Namespace of the proxies by default (the controller's namespace), and the mode that moves them. */
  readonly namespace: SourcedFact<{ default: string; controllerNamespaceEnv: string; gatewayNamespaceMode: string }>;
  /**
   * Container port for a listener port: privileged ports (below `below`) are shifted by `shift` so Envoy binds
   * without NET_BIND_SERVICE, unless `disabledBy` is true in the EnvoyProxy.
   */
  readonly privilegedPortShift: SourcedFact<{ below: number; shift: number; disabledBy: string }>;
  /** Ports inside the proxy pod (container name `envoy` unless stated). */
  readonly ports: {
    readonly admin: SourcedFact<{ port: number; address: string }>;
    readonly metrics: SourcedFact<{ port: number; name: string; path: string }>;
    readonly readiness: SourcedFact<{ port: number; name: string; path: string }>;
    readonly shutdownManager: SourcedFact<{ port: number; container: string; healthPath: string; readyPath: string }>;
  };
  /** Default Envoy image (the shutdown-manager runs the Envoy Gateway image). */
  readonly image: SourcedFact<string>;
  readonly uid: SourcedFact<number>;
  readonly gid: SourcedFact<number>;
  /** Container securityContext when the EnvoyProxy sets none (a set one replaces it entirely). */
  readonly defaultSecurityContext: SourcedFact<{ [field: string]: unknown }>;
  /**
   * Containers whose securityContext `envoyDeployment.container.securityContext` sets: the same value replaces the
   * default of each, so a hardened context must keep working for all of them (neither sets readOnlyRootFilesystem).
   */
  readonly containerSecurityContextAppliesTo: SourcedFact<string[]>;
  /** Container resources when the EnvoyProxy sets none. */
  readonly defaultResources: SourcedFact<{ requests: { cpu: string; memory: string } }>;
  readonly defaultReplicas: SourcedFact<number>;
  readonly defaultServiceType: SourcedFact<string>;
}

/** Where a policy attaches and which fields express the route options this library offers. */
export interface EnvoyGatewayPolicyFacts {
  readonly kind: string;
  /** Kinds a targetRef(s) may name (group gateway.networking.k8s.io), from the CRD's CEL rules. */
  readonly targetKinds: SourcedFact<string[]>;
  readonly fields: { [option: string]: FieldPath };
}

export interface EnvoyGatewayFacts extends GatewayApiImplementationFacts {
  /**
   * How a GatewayClass (`spec.parametersRef`) or a Gateway (`spec.infrastructure.parametersRef`, same namespace as the
   * Gateway) names its EnvoyProxy; `namespaceWhenOmitted` is where the class's EnvoyProxy is looked up without a namespace.
   */
  readonly parametersRef: SourcedFact<{ group: string; kind: string; namespaceWhenOmitted: string; gatewayLevel: string }>;
  readonly dataPlane: EnvoyProxyDataPlaneFacts;
  /** Paths into an EnvoyProxy (referenced by GatewayClass `parametersRef`) that harden the data plane. */
  readonly envoyProxyFields: { [setting: string]: FieldPath };
  /** How policies of one kind combine when several target the same traffic. */
  readonly policyPrecedence: SourcedFact<string>;
  readonly policies: {
    readonly clientTraffic: EnvoyGatewayPolicyFacts;
    readonly backendTraffic: EnvoyGatewayPolicyFacts;
    readonly security: EnvoyGatewayPolicyFacts;
  };
  /** What a rate limit needs beyond the policy. */
  readonly rateLimitNeeds: SourcedFact<{ local: string; global: string }>;
  /** Kinds `tls.clientValidation.caCertificateRefs` may name, with the key read. */
  readonly clientCaRefKinds: SourcedFact<{ kinds: string[]; defaultKind: string; key: string }>;
  /**
   * Kinds a BackendTLSPolicy's `validation.caCertificateRefs` may name (core group, the policy's namespace), and the
   * data keys read, in order of preference.
   */
  readonly backendCaRefKinds: SourcedFact<{ kinds: string[]; keys: string[] }>;
  /**
   * Which client address the proxy uses (rate limits, source allowlists, `X-Forwarded-For` upstream) without a
   * ClientTrafficPolicy `clientIPDetection`, and with `xForwardedFor.trustedCIDRs`.
   */
  readonly clientAddress: SourcedFact<{ withoutPolicy: string; withTrustedCidrs: string; path: string }>;
  /**
   * Gateway API `Gateway.spec.tls.frontend` (client certificate validation for every HTTPS listener): whether it is
   * implemented, the reference kinds it reads, which kind a cross-namespace reference is granted from, and the
   * chain depth (the standard field has none).
   */
  readonly frontendValidation: SourcedFact<{ implemented: boolean; appliesTo: string; refKinds: string[]; grantFrom: string; verifyDepth: string }>;
}

/** The label key Envoy Gateway puts on a Gateway's proxy pods to name the Gateway (see `dataPlane.labels`). */
export const ENVOY_OWNING_GATEWAY_NAME_LABEL = 'gateway.envoyproxy.io/owning-gateway-name';
/** The label key Envoy Gateway puts on a Gateway's proxy pods to name the Gateway's namespace (see `dataPlane.labels`). */
export const ENVOY_OWNING_GATEWAY_NAMESPACE_LABEL = 'gateway.envoyproxy.io/owning-gateway-namespace';

/** The labels that select the proxy pods of one Gateway (internal/gatewayapi/helpers.go GatewayOwnerLabels). */
export function envoyOwningGatewayLabels(gatewayName: string, gatewayNamespace: string): { [key: string]: string } {
  return { [ENVOY_OWNING_GATEWAY_NAME_LABEL]: gatewayName, [ENVOY_OWNING_GATEWAY_NAMESPACE_LABEL]: gatewayNamespace };
}

const GW = 'gateway.networking.k8s.io';

/**
 * Envoy Gateway v1.9.0 (envoyproxy/gateway at tag v1.9.0, matching the CRDs in ../shared/crds). Read from the
 * controller and infrastructure code, not the docs or the Helm chart.
 */
export const ENVOY_GATEWAY_1_9_0: EnvoyGatewayFacts = {
  name: 'envoy-gateway',
  version: 'v1.9.0',
  source: 'envoyproxy/gateway @ v1.9.0',
  controllerName: { value: 'gateway.envoyproxy.io/gatewayclass-controller', from: 'api/v1alpha1/envoygateway_types.go GatewayControllerName' },
  gatewayApiModule: { value: 'v1.6.1', from: 'go.mod sigs.k8s.io/gateway-api' },
  // internal/provider/kubernetes/controller.go watchResources: the kinds without a checkCRD guard are watched always.
  kinds: [
    { kind: 'GatewayClass', apiVersion: `${GW}/v1`, watched: 'always', writesStatus: true, from: 'internal/provider/kubernetes/controller.go watchResources' },
    { kind: 'Gateway', apiVersion: `${GW}/v1`, watched: 'always', writesStatus: true, from: 'internal/provider/kubernetes/controller.go watchResources' },
    { kind: 'HTTPRoute', apiVersion: `${GW}/v1`, watched: 'always', writesStatus: true, from: 'internal/provider/kubernetes/controller.go watchResources' },
    { kind: 'ListenerSet', apiVersion: `${GW}/v1`, watched: 'if installed', writesStatus: true, from: 'internal/provider/kubernetes/controller.go checkCRD(KindListenerSet)' },
    { kind: 'GRPCRoute', apiVersion: `${GW}/v1`, watched: 'if installed', writesStatus: true, from: 'internal/provider/kubernetes/controller.go checkCRD(KindGRPCRoute)' },
    { kind: 'TLSRoute', apiVersion: `${GW}/v1`, watched: 'if installed', writesStatus: true, from: 'internal/provider/kubernetes/controller.go checkCRD(KindTLSRoute)' },
    { kind: 'TCPRoute', apiVersion: `${GW}/v1`, watched: 'if installed', writesStatus: true, from: 'internal/provider/kubernetes/controller.go checkCRD(KindTCPRoute)' },
    { kind: 'UDPRoute', apiVersion: `${GW}/v1`, watched: 'if installed', writesStatus: true, from: 'internal/provider/kubernetes/controller.go checkCRD(KindUDPRoute)' },
    { kind: 'BackendTLSPolicy', apiVersion: `${GW}/v1`, watched: 'if installed', writesStatus: true, from: 'internal/provider/kubernetes/controller.go checkCRD(KindBackendTLSPolicy)' },
    // Read as v1beta1 (the CRD serves v1 and v1beta1, stores v1beta1); no status.
    { kind: 'ReferenceGrant', apiVersion: `${GW}/v1beta1`, watched: 'always', writesStatus: false, from: 'internal/provider/kubernetes/controller.go watchResources (gwapiv1b1.ReferenceGrant)' },
  ],
  parametersRef: {
    value: {
      group: 'gateway.envoyproxy.io',
      kind: 'EnvoyProxy',
      namespaceWhenOmitted: 'default',
      gatewayLevel: 'spec.infrastructure.parametersRef (EnvoyProxy in the Gateway\'s namespace; refused when the class\'s EnvoyProxy sets mergeGateways)',
    },
    from: 'internal/provider/kubernetes/helpers.go refsEnvoyProxy; controller.go processGatewayClassParamsRef (ptr.Deref(namespace, "default")), '
      + 'processGatewayParamsRef',
  },
  dataPlane: {
    labels: {
      value: {
        'app.kubernetes.io/name': 'envoy',
        'app.kubernetes.io/component': 'proxy',
        'app.kubernetes.io/managed-by': 'envoy-gateway',
        ...envoyOwningGatewayLabels('<gateway name>', '<gateway namespace>'),
      },
      from: 'internal/infrastructure/kubernetes/proxy/resource.go EnvoyAppLabel; internal/gatewayapi/helpers.go GatewayOwnerLabels '
        + '(with EnvoyProxy mergeGateways: gateway.envoyproxy.io/owning-gatewayclass instead, GatewayClassOwnerLabel); '
        + 'resource_provider.go stableSelector selects on these',
    },
    gatewayNamespaceModeLabel: {
      value: 'gateway.networking.k8s.io/gateway-name',
      from: 'internal/infrastructure/kubernetes/proxy/resource_provider.go envoyLabels (GatewayNamespaceMode only); internal/gatewayapi/translator.go GatewayNameLabel',
    },
    namespace: {
      value: { default: 'envoy-gateway-system', controllerNamespaceEnv: 'ENVOY_GATEWAY_NAMESPACE', gatewayNamespaceMode: 'provider.kubernetes.deploy.type: GatewayNamespace' },
      from: 'internal/envoygateway/config/config.go DefaultNamespace and ENVOY_GATEWAY_NAMESPACE; api/v1alpha1/envoygateway_types.go '
        + 'KubernetesDeployModeTypeGatewayNamespace (EnvoyGateway configuration, not the EnvoyProxy)',
    },
    privilegedPortShift: {
      value: { below: 1024, shift: 10000, disabledBy: 'spec.provider.kubernetes.useListenerPortAsContainerPort' },
      from: 'internal/gatewayapi/translator.go minEphemeralPort, wellKnownPortShift; internal/gatewayapi/listener.go servicePortToContainerPort; '
        + 'api/v1alpha1/envoyproxy_helpers.go NeedToSwitchPorts',
    },
    ports: {
      admin: { value: { port: 19000, address: '127.0.0.1' }, from: 'internal/xds/bootstrap/bootstrap.go EnvoyAdminPort, EnvoyAdminAddress (loopback only)' },
      metrics: {
        value: { port: 19001, name: 'metrics', path: '/stats/prometheus' },
        from: 'internal/xds/bootstrap/bootstrap.go EnvoyStatsPort; proxy/resource.go expectedProxyContainers (unless telemetry.metrics.prometheus.disable); '
          + 'proxy/resource_provider.go prometheus.io/path annotation',
      },
      readiness: {
        value: { port: 19003, name: 'readiness', path: '/ready' },
        from: 'internal/xds/bootstrap/bootstrap.go EnvoyReadinessPort, EnvoyReadinessPath; proxy/resource.go startup, readiness and liveness probes',
      },
      shutdownManager: {
        value: { port: 19002, container: 'shutdown-manager', healthPath: '/healthz', readyPath: '/shutdown/ready' },
        from: 'internal/cmd/envoy/shutdown_manager.go ShutdownManagerPort, ShutdownManagerHealthCheckPath, ShutdownManagerReadyPath',
      },
    },
    image: { value: 'docker.io/envoyproxy/envoy:distroless-v1.39.0', from: 'api/v1alpha1/shared_types.go DefaultEnvoyProxyImage' },
    uid: { value: 65532, from: 'internal/infrastructure/kubernetes/proxy/resource.go expectedEnvoySecurityContext RunAsUser' },
    gid: { value: 65532, from: 'internal/infrastructure/kubernetes/proxy/resource.go expectedEnvoySecurityContext RunAsGroup' },
    defaultSecurityContext: {
      value: {
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        privileged: false,
        runAsNonRoot: true,
        runAsUser: 65532,
        runAsGroup: 65532,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      // readOnlyRootFilesystem is cleared: Envoy writes its log file and UDS socket.
      from: 'internal/infrastructure/kubernetes/resource/resource.go DefaultSecurityContext; proxy/resource.go expectedEnvoySecurityContext',
    },
    containerSecurityContextAppliesTo: {
      value: ['envoy', 'shutdown-manager'],
      // The shutdown-manager writes a file when the connection drain completes; Envoy writes its log file and UDS socket.
      from: 'internal/infrastructure/kubernetes/proxy/resource.go expectedEnvoySecurityContext, expectedShutdownManagerSecurityContext (both return containerSpec.SecurityContext when set)',
    },
    defaultResources: {
      value: { requests: { cpu: '100m', memory: '512Mi' } },
      from: 'api/v1alpha1/kubernetes_helpers.go DefaultResourceRequirements; shared_types.go DefaultDeploymentCPUResourceRequests, DefaultDeploymentMemoryResourceRequests (no limits)',
    },
    defaultReplicas: { value: 1, from: 'api/v1alpha1/shared_types.go DefaultDeploymentReplicas' },
    defaultServiceType: { value: 'LoadBalancer', from: 'api/v1alpha1/kubernetes_helpers.go DefaultKubernetesService' },
  },
  envoyProxyFields: {
    replicas: { path: 'spec.provider.kubernetes.envoyDeployment.replicas', meaning: 'Fixed replica count; leave unset with an HPA', from: 'api/v1alpha1/shared_types.go KubernetesDeploymentSpec.Replicas' },
    podSecurityContext: { path: 'spec.provider.kubernetes.envoyDeployment.pod.securityContext', meaning: 'Pod securityContext', from: 'api/v1alpha1/shared_types.go KubernetesPodSpec.SecurityContext' },
    containerSecurityContext: {
      path: 'spec.provider.kubernetes.envoyDeployment.container.securityContext',
      meaning: 'Envoy container securityContext; replaces the default one entirely',
      from: 'api/v1alpha1/shared_types.go KubernetesContainerSpec.SecurityContext; proxy/resource.go expectedEnvoySecurityContext',
    },
    resources: { path: 'spec.provider.kubernetes.envoyDeployment.container.resources', meaning: 'Envoy container resources', from: 'api/v1alpha1/shared_types.go KubernetesContainerSpec.Resources' },
    podDisruptionBudget: {
      path: 'spec.provider.kubernetes.envoyPDB.minAvailable',
      meaning: 'PodDisruptionBudget (minAvailable or maxUnavailable, int or percent); no PDB without envoyPDB',
      from: 'api/v1alpha1/envoyproxy_types.go EnvoyPDB; shared_types.go KubernetesPodDisruptionBudgetSpec',
    },
    podDisruptionBudgetMaxUnavailable: {
      path: 'spec.provider.kubernetes.envoyPDB.maxUnavailable',
      meaning: 'PodDisruptionBudget by pods allowed down at once (exactly one of minAvailable or maxUnavailable, CEL)',
      from: 'api/v1alpha1/shared_types.go KubernetesPodDisruptionBudgetSpec.MaxUnavailable',
    },
    podAffinity: { path: 'spec.provider.kubernetes.envoyDeployment.pod.affinity', meaning: 'Pod affinity and anti-affinity', from: 'api/v1alpha1/shared_types.go KubernetesPodSpec.Affinity' },
    topologySpreadConstraints: {
      path: 'spec.provider.kubernetes.envoyDeployment.pod.topologySpreadConstraints',
      meaning: 'Spread of the proxy pods across zones and nodes',
      from: 'api/v1alpha1/shared_types.go KubernetesPodSpec.TopologySpreadConstraints',
    },
    loadBalancerSourceRanges: {
      path: 'spec.provider.kubernetes.envoyService.loadBalancerSourceRanges',
      meaning: 'Client CIDRs the cloud load balancer admits (LoadBalancer type only, CEL)',
      from: 'api/v1alpha1/shared_types.go KubernetesServiceSpec.LoadBalancerSourceRanges',
    },
    autoscalerMinReplicas: { path: 'spec.provider.kubernetes.envoyHpa.minReplicas', meaning: 'HorizontalPodAutoscaler minimum', from: 'api/v1alpha1/shared_types.go KubernetesHorizontalPodAutoscalerSpec' },
    autoscalerMaxReplicas: { path: 'spec.provider.kubernetes.envoyHpa.maxReplicas', meaning: 'HorizontalPodAutoscaler maximum (required when envoyHpa is set)', from: 'api/v1alpha1/shared_types.go KubernetesHorizontalPodAutoscalerSpec' },
    autoscalerMetrics: { path: 'spec.provider.kubernetes.envoyHpa.metrics', meaning: 'autoscaling/v2 MetricSpec list', from: 'api/v1alpha1/shared_types.go KubernetesHorizontalPodAutoscalerSpec' },
    serviceAnnotations: {
      path: 'spec.provider.kubernetes.envoyService.annotations',
      meaning: 'Annotations on the proxy Service (cloud load balancer scheme, internal/external)',
      from: 'api/v1alpha1/shared_types.go KubernetesServiceSpec.Annotations',
    },
    serviceType: { path: 'spec.provider.kubernetes.envoyService.type', meaning: 'Service type (default LoadBalancer)', from: 'api/v1alpha1/shared_types.go KubernetesServiceSpec.Type' },
    loadBalancerClass: { path: 'spec.provider.kubernetes.envoyService.loadBalancerClass', meaning: 'Service loadBalancerClass', from: 'api/v1alpha1/shared_types.go KubernetesServiceSpec.LoadBalancerClass' },
    externalTrafficPolicy: {
      path: 'spec.provider.kubernetes.envoyService.externalTrafficPolicy',
      meaning: 'Local keeps the client source IP (needed for source allowlists without a trusted proxy)',
      from: 'api/v1alpha1/shared_types.go KubernetesServiceSpec.ExternalTrafficPolicy',
    },
    useListenerPortAsContainerPort: {
      path: 'spec.provider.kubernetes.useListenerPortAsContainerPort',
      meaning: 'Turns the privileged port shift off (Envoy then needs NET_BIND_SERVICE for ports below 1024)',
      from: 'api/v1alpha1/envoyproxy_types.go UseListenerPortAsContainerPort',
    },
  },
  policyPrecedence: {
    value: 'The most specific target wins: route rule (sectionName) over route, over listener (sectionName) or ListenerSet, over Gateway; '
      + 'a route-level BackendTrafficPolicy or SecurityPolicy merges into the parent\'s instead when it sets mergeType',
    from: 'internal/gatewayapi/securitypolicy.go and backendtrafficpolicy.go (processing order and merge by MergeType)',
  },
  policies: {
    clientTraffic: {
      kind: 'ClientTrafficPolicy',
      targetKinds: { value: ['Gateway', 'ListenerSet'], from: 'ClientTrafficPolicy CRD x-kubernetes-validations on spec' },
      fields: {
        clientCertificates: { path: 'spec.tls.clientValidation.caCertificateRefs', meaning: 'CA bundle(s) that client certificates must chain to (max 8)', from: 'api/v1alpha1/tls_types.go ClientValidationContext.CACertificateRefs' },
        clientCertificateMode: {
          path: 'spec.tls.clientValidation.mode',
          meaning: 'Request, RequireAny, VerifyIfGiven or RequireAndVerify (the deprecated optional flag is superseded)',
          from: 'api/v1alpha1/tls_types.go ClientValidationModeType',
        },
        requestReceivedTimeout: { path: 'spec.timeout.http.requestReceivedTimeout', meaning: 'Time to receive the whole request from the client', from: 'api/v1alpha1/timeout_types.go HTTPClientTimeout' },
        clientIdleTimeout: { path: 'spec.timeout.http.idleTimeout', meaning: 'Idle client connection timeout', from: 'api/v1alpha1/timeout_types.go HTTPClientTimeout' },
        clientIpDetection: {
          path: 'spec.clientIPDetection',
          meaning: 'How the client address is found behind a load balancer (xForwardedFor, customHeader or directSourceIP: exactly one)',
          from: 'api/v1alpha1/clienttrafficpolicy_types.go ClientIPDetection',
        },
        connectionBufferLimit: { path: 'spec.connection.bufferLimit', meaning: 'Per-connection buffer (not a request body limit)', from: 'api/v1alpha1/connection_types.go ClientConnection.BufferLimit' },
      },
    },
    backendTraffic: {
      kind: 'BackendTrafficPolicy',
      targetKinds: { value: ['Gateway', 'ListenerSet', 'HTTPRoute', 'GRPCRoute', 'UDPRoute', 'TCPRoute', 'TLSRoute'], from: 'BackendTrafficPolicy CRD x-kubernetes-validations on spec' },
      fields: {
        bodySizeLimit: {
          path: 'spec.requestBuffer.limit',
          meaning: 'Largest request body: buffered, and answered 413 above it; not for streaming, gRPC streams or upgrades',
          from: 'api/v1alpha1/backendtrafficpolicy_types.go RequestBuffer.Limit',
        },
        connectTimeout: { path: 'spec.timeout.tcp.connectTimeout', meaning: 'Upstream connect timeout', from: 'api/v1alpha1/timeout_types.go TCPTimeout' },
        streamIdleTimeout: {
          path: 'spec.timeout.http.streamIdleTimeout',
          meaning: 'Longest time a request stream may pass without upstream or downstream activity (a read or a write)',
          from: 'api/v1alpha1/timeout_types.go HTTPTimeout.StreamIdleTimeout; internal/xds/translator/route.go (route idle_timeout)',
        },
        requestTimeout: { path: 'spec.timeout.http.requestTimeout', meaning: 'Whole upstream request timeout', from: 'api/v1alpha1/timeout_types.go HTTPTimeout' },
        localRateLimit: { path: 'spec.rateLimit.local.rules[].limit', meaning: 'requests per unit (Second, Minute, Hour...), per Envoy replica', from: 'api/v1alpha1/ratelimit_types.go LocalRateLimit, RateLimitRule.Limit' },
        perClientSelector: {
          path: 'spec.rateLimit.local.rules[].clientSelectors[].sourceCIDR',
          meaning: 'type Distinct gives each source IP in value (a CIDR) its own bucket; Exact (the default) shares one',
          from: 'api/v1alpha1/ratelimit_types.go SourceMatch, SourceMatchDistinct',
        },
        globalRateLimit: { path: 'spec.rateLimit.global.rules[].limit', meaning: 'Shared across replicas through the rate limit service', from: 'api/v1alpha1/ratelimit_types.go GlobalRateLimit' },
      },
    },
    security: {
      kind: 'SecurityPolicy',
      targetKinds: { value: ['Gateway', 'ListenerSet', 'HTTPRoute', 'GRPCRoute', 'TCPRoute'], from: 'SecurityPolicy CRD x-kubernetes-validations on spec' },
      fields: {
        defaultAction: { path: 'spec.authorization.defaultAction', meaning: 'Allow or Deny when no rule matches', from: 'api/v1alpha1/authorization_types.go Authorization.DefaultAction' },
        sourceAllowlist: {
          path: 'spec.authorization.rules[].principal.clientCIDRs',
          meaning: 'Client CIDRs of an Allow rule (with defaultAction Deny); the client address follows ClientTrafficPolicy clientIPDetection',
          from: 'api/v1alpha1/authorization_types.go Principal.ClientCIDRs',
        },
        ruleAction: { path: 'spec.authorization.rules[].action', meaning: 'Allow or Deny', from: 'api/v1alpha1/authorization_types.go AuthorizationRule.Action' },
      },
    },
  },
  rateLimitNeeds: {
    value: {
      local: 'Nothing beyond the policy: each Envoy replica counts on its own, so the effective limit is the limit times the replicas',
      global: 'The rate limit service, enabled in the EnvoyGateway configuration (rateLimit.backend, a Redis), which the control plane deploys',
    },
    from: 'api/v1alpha1/ratelimit_types.go (RateLimitSpec; type is deprecated: set local and/or global directly); api/v1alpha1/envoygateway_types.go RateLimit.Backend',
  },
  clientCaRefKinds: {
    value: { kinds: ['Secret', 'ConfigMap', 'ClusterTrustBundle'], defaultKind: 'Secret', key: 'ca.crt' },
    from: 'internal/gatewayapi/clienttrafficpolicy.go (ref kind switch, default Secret); api/v1alpha1/tls_types.go CACertificateRefs doc',
  },
  backendCaRefKinds: {
    // A Secret of type SDS (an SDS reference) is read differently; a CA bundle Secret takes the ca.crt path.
    value: { kinds: ['ConfigMap', 'Secret', 'ClusterTrustBundle'], keys: ['ca.crt', 'tls.crt', 'the first data key'] },
    from: 'internal/gatewayapi/backendtlspolicy.go getBackendTLSBundle and getCaCertsFromCARefs (kind switch; getFirstMatchOrFirstFromData(CACertKey, TLSCertKey)); '
      + 'internal/provider/kubernetes/controller.go processBackendTLSPolicyRefs (loads the same three kinds); route.go applies the policy to every route kind',
  },
  clientAddress: {
    value: {
      withoutPolicy: 'The connection\'s source address (HCM use_remote_address true, no original-IP extension); a client-supplied '
        + 'X-Forwarded-For is not trusted, and the connection address is appended to it upstream',
      withTrustedCidrs: 'When the connection comes from a trusted CIDR, X-Forwarded-For is read right to left and the first address '
        + 'outside the trusted CIDRs is the client (use_remote_address false, the xff original-IP extension with xff_trusted_cidrs)',
      path: 'spec.clientIPDetection.xForwardedFor.trustedCIDRs (exclusive with numTrustedHops, CRD CEL rule)',
    },
    from: 'internal/xds/translator/listener.go addHCMToXDSListener (useRemoteAddress) and originalIPDetectionExtensions; '
      + 'api/v1alpha1/clienttrafficpolicy_types.go XForwardedForSettings',
  },
  frontendValidation: {
    value: {
      implemented: true,
      appliesTo: 'every HTTPS listener of the Gateway, the listeners of its attached ListenerSets included (they are merged into the Gateway first)',
      refKinds: ['ConfigMap', 'Secret', 'ClusterTrustBundle'],
      grantFrom: 'Gateway',
      verifyDepth: 'not configurable: neither the standard field nor ClientTrafficPolicy tls.clientValidation has a chain depth',
    },
    from: 'internal/gatewayapi/listener.go ProcessGatewayTLS (spec.tls.frontend default and perPort, HTTPS listeners only); '
      + 'internal/gatewayapi/listenerset.go ProcessListenerSets (appends ListenerSet listeners to the Gateway\'s) and translator.go (runs before ProcessGatewayTLS); '
      + 'internal/gatewayapi/backendtlspolicy.go getCaCertsFromCARefs (kinds, key ca.crt, ReferenceGrant from the Gateway); '
      + 'api/v1alpha1/tls_types.go ClientValidationContext (no depth field)',
  },
};

/** Every label v1.9.0 puts on the proxy pods of one Gateway (`dataPlane.labels` with the Gateway filled in). */
export function envoyProxyPodLabels(gatewayName: string, gatewayNamespace: string): { [key: string]: string } {
  const placeholders: { [placeholder: string]: string } = { '<gateway name>': gatewayName, '<gateway namespace>': gatewayNamespace };
  return Object.fromEntries(Object.entries(ENVOY_GATEWAY_1_9_0.dataPlane.labels.value).map(([k, v]) => [k, placeholders[v] ?? v]));
}

/** The container port Envoy listens on for a Gateway listener port, as v1.9.0 computes it. */
export function envoyContainerPort(listenerPort: number, useListenerPortAsContainerPort = false): number {
  const { below, shift } = ENVOY_GATEWAY_1_9_0.dataPlane.privilegedPortShift.value;
  return !useListenerPortAsContainerPort && listenerPort < below ? listenerPort + shift : listenerPort;
}
