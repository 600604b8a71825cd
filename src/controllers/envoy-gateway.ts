import { Size, SizeRoundingBehavior } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { setOptionNames } from './cloud-managed';
import { ControllerDeployment, ControllerDeployOptions, IIngressController } from './controller-profile';
import { toResourceRequirements } from './controller-workload';
import { ENVOY_GATEWAY_1_9_0, envoyOwningGatewayLabels } from './facts/envoy-gateway-1.9.0';
import {
  GatewayApiDeployment, GatewayApiDeployOptions, GatewayApiGatewaySettings, GatewayApiGatewayTarget, GatewayApiGatewayTranslation,
  GatewayApiRouteObject, GatewayApiRouteTarget, GatewayApiRouteTranslation, IGatewayApiImplementation,
} from './gateway-api-implementation';
import { IngressRouteTarget, RouteOptionsTranslation } from './route-options-translation';
import { gatewayApiDuration } from '../core/gateway-api-duration';
import { checkProp } from '../core/input/prop-checks';
import { rejectInput } from '../core/input/reject-input';
import { LABEL_MANAGED_BY, MANAGED_BY } from '../core/manifest-contract';
import { RoutingApi } from '../core/routing-api';
import { checkDns1123Label } from '../core/validation';
import {
  EnvoyProxy, EnvoyProxySpecProviderKubernetesEnvoyDeploymentContainerResourcesLimits as ResourceLimit,
  EnvoyProxySpecProviderKubernetesEnvoyDeploymentContainerResourcesRequests as ResourceRequest,
  EnvoyProxySpecProviderKubernetesEnvoyPdbMaxUnavailable, EnvoyProxySpecProviderKubernetesEnvoyServiceExternalTrafficPolicy,
  EnvoyProxySpecProviderKubernetesEnvoyServiceType as ServiceType, EnvoyProxySpecProviderType,
} from '../imports/gateway.envoyproxy.io';
import { RouteOptions } from '../routing/route-options';

const FACTS = ENVOY_GATEWAY_1_9_0;
const DATA_PLANE = FACTS.dataPlane;
const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
const ENVOY_GATEWAY_API_VERSION = 'gateway.envoyproxy.io/v1alpha1';

// The label keys stay importable from here; their one home is the facts module.
export { ENVOY_OWNING_GATEWAY_NAME_LABEL, ENVOY_OWNING_GATEWAY_NAMESPACE_LABEL } from './facts/envoy-gateway-1.9.0';

/**
 * Envoy container resources when the gateway sets none. Envoy Gateway's own default requests 100m CPU and 512 MiB
 * with no limit; the memory limit also sizes Envoy's overload manager (it caps the heap at 80% of it).
 */
const DEFAULT_ENVOY_RESOURCES: kplus.ContainerResources = {
  cpu: { request: kplus.Cpu.millis(200), limit: kplus.Cpu.millis(2000) },
  memory: { request: Size.mebibytes(512), limit: Size.mebibytes(1024) },
};

/** Average CPU utilization (of the request) the proxy autoscaler keeps. */
const AUTOSCALER_CPU_UTILIZATION = 75;

/**
 * Route options a policy applies; `sslRedirect` and `backendProtocol` are not among them because the Gateway API
 * renderer expresses them itself (a redirect route, a GRPCRoute, a BackendTLSPolicy), so they are never unsupported.
 */
const RENDERED_BY_THE_GATEWAY_API = ['sslRedirect', 'backendProtocol', 'backendTlsHostname'];

/** Options for the Envoy Gateway profile. */
export interface EnvoyGatewayProps {
  /**
   * Namespace of the Envoy Gateway control plane, where it creates the proxies of every Gateway (its
   * `ENVOY_GATEWAY_NAMESPACE`). Ignored with `proxiesInGatewayNamespace`.
   * @default 'envoy-gateway-system'
   */
  readonly controllerNamespace?: string;
  /**
   * The control plane runs in the gateway-namespace deploy mode (EnvoyGateway configuration
   * `provider.kubernetes.deploy.type: GatewayNamespace`): each Gateway's proxies run in the Gateway's own namespace.
   * @default false
   */
  readonly proxiesInGatewayNamespace?: boolean;
}

/**
 * Envoy Gateway v1.9 (a Gateway API implementation; it reads no Ingress).
 *
 * The control plane (the `envoy-gateway` Deployment, its CRDs and RBAC) is a prerequisite, installed with its Helm
 * chart; this profile generates none of it. Per gateway it emits an `EnvoyProxy` that the GatewayClass names in
 * `parametersRef`, which hardens the proxies Envoy Gateway creates: an autoscaler from `replicas` to `maxReplicas`,
 * a PodDisruptionBudget, resources, the restricted security context, spread across nodes and zones, and the Service
 * shaped by the exposure. Route options become a `BackendTrafficPolicy` and a `SecurityPolicy` targeting the route.
 *
 * Gateway-wide settings: trusted proxies become one `ClientTrafficPolicy` on the Gateway
 * (`clientIPDetection.xForwardedFor.trustedCIDRs`); a gateway's `clientCertificate` becomes the standard
 * `Gateway.spec.tls.frontend`, which v1.9.0 implements (facts: frontendValidation). Client certificates are not per
 * route: Envoy Gateway verifies them per listener, so a route's own `clientCertificate` is reported as unsupported;
 * set `clientCertificate` on the gateway instead.
 */
export class EnvoyGatewayController implements IIngressController {
  public readonly name = FACTS.name;
  /** The proxies run in the cluster, but Envoy Gateway creates them: the gateway deploys no workload. */
  public readonly selfHosted?: boolean = false;
  public readonly gatewayApi?: IGatewayApiImplementation;

  constructor(props: EnvoyGatewayProps = {}) {
    this.gatewayApi = new EnvoyGatewayApi(props);
  }

  /** Deploys nothing: the control plane is a prerequisite, and it reads Gateway API objects only. */
  public deploy(scope: Construct, options: ControllerDeployOptions): ControllerDeployment {
    const api = options.routingApi ?? RoutingApi.INGRESS;
    if (api !== RoutingApi.GATEWAY_API) {
      rejectInput(scope, 'api', api, 'Envoy Gateway reads no Ingress; use api: RoutingApi.GATEWAY_API');
    }
    return { controllerValue: FACTS.controllerName.value };
  }

  /** Envoy Gateway reads no Ingress, so no option applies to one. */
  public translateRouteOptions(options: RouteOptions, _target?: IngressRouteTarget): RouteOptionsTranslation {
    return { annotations: {}, unsupported: setOptionNames(options) };
  }
}

/** Envoy Gateway's side of a Gateway API gateway: its EnvoyProxy, and route options as policies. */
class EnvoyGatewayApi implements IGatewayApiImplementation {
  public readonly name = FACTS.name;

  constructor(private readonly props: EnvoyGatewayProps) {}

  public deploy(scope: Construct, options: GatewayApiDeployOptions): GatewayApiDeployment {
    const name = `${options.className}-proxy`;
    // Fewer than 2 is reported on the EnvoyProxy by CG-GWAPI-030, as CG-CONTROLLER-001 does for controller Deployments.
    const minReplicas = options.replicas;
    const controllerNamespace = checkProp(scope, 'controller.controllerNamespace', this.props.controllerNamespace, checkDns1123Label, 'namespace')
      ? this.props.controllerNamespace ?? DATA_PLANE.namespace.value.default
      : DATA_PLANE.namespace.value.default;
    const proxyPodLabels = envoyOwningGatewayLabels(options.className, options.namespace);
    const uid = DATA_PLANE.uid.value;
    const gid = DATA_PLANE.gid.value;
    const resources = toResourceRequirements(options.resources ?? DEFAULT_ENVOY_RESOURCES);
    const exposure = options.exposure;
    const isLoadBalancer = exposure.serviceType === 'LoadBalancer';
    const annotations = exposure.annotations;

    new EnvoyProxy(scope, 'EnvoyProxy', {
      metadata: { name, namespace: options.namespace, labels: { [LABEL_MANAGED_BY]: MANAGED_BY } },
      spec: {
        provider: {
          type: EnvoyProxySpecProviderType.KUBERNETES,
          kubernetes: {
            envoyDeployment: {
              // No replicas: with envoyHpa set, Envoy Gateway leaves the count to the autoscaler (resource_provider.go).
              pod: {
                securityContext: { runAsNonRoot: true, runAsUser: uid, runAsGroup: gid, seccompProfile: { type: 'RuntimeDefault' } },
                affinity: {
                  podAntiAffinity: {
                    preferredDuringSchedulingIgnoredDuringExecution: [{
                      weight: 100,
                      podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: proxyPodLabels } },
                    }],
                  },
                },
                topologySpreadConstraints: [
                  { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: proxyPodLabels } },
                  { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: proxyPodLabels } },
                ],
              },
              container: {
                // Replaces the default of both the envoy and the shutdown-manager container (facts:
                // containerSecurityContextAppliesTo). No readOnlyRootFilesystem: both write to their filesystem.
                securityContext: {
                  allowPrivilegeEscalation: false,
                  capabilities: { drop: ['ALL'] },
                  privileged: false,
                  runAsNonRoot: true,
                  runAsUser: uid,
                  runAsGroup: gid,
                  seccompProfile: { type: 'RuntimeDefault' },
                },
                resources: {
                  requests: mapValues(resources.requests, (q) => ResourceRequest.fromString(String(q.value))),
                  limits: mapValues(resources.limits, (q) => ResourceLimit.fromString(String(q.value))),
                },
              },
            },
            envoyHpa: {
              minReplicas,
              maxReplicas: Math.max(options.maxReplicas, minReplicas),
              metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: AUTOSCALER_CPU_UTILIZATION } } }],
            },
            // One pod down at a time, whatever the autoscaler's current count.
            envoyPdb: { maxUnavailable: EnvoyProxySpecProviderKubernetesEnvoyPdbMaxUnavailable.fromNumber(1) },
            envoyService: {
              type: isLoadBalancer ? ServiceType.LOAD_BALANCER : ServiceType.CLUSTER_IP,
              annotations: Object.keys(annotations).length > 0 ? annotations : undefined,
              // Local keeps the client's address as the connection's source, which the per-client rate limit and
              // the source allowlist (SecurityPolicy clientCIDRs) match on; it also saves a hop between nodes.
              externalTrafficPolicy: isLoadBalancer ? EnvoyProxySpecProviderKubernetesEnvoyServiceExternalTrafficPolicy.LOCAL : undefined,
              loadBalancerSourceRanges: isLoadBalancer ? exposure.sourceRanges : undefined,
              loadBalancerClass: isLoadBalancer ? exposure.loadBalancerClass : undefined,
            },
          },
        },
      },
    });

    return {
      controllerName: FACTS.controllerName.value,
      emitsGatewayClass: true,
      parametersRef: { group: FACTS.parametersRef.value.group, kind: FACTS.parametersRef.value.kind, name, namespace: options.namespace },
      proxyNamespace: this.props.proxiesInGatewayNamespace ? options.namespace : controllerNamespace,
      proxyPodLabels,
      httpListenerPort: 80,
      httpsListenerPort: 443,
      // ListenerSet is watched when its CRD is installed (facts: kinds), as it is with the Gateway API standard channel.
      supportsListenerSets: FACTS.kinds.some((k) => k.kind === 'ListenerSet'),
    };
  }

  public translateRouteOptions(options: RouteOptions, target: GatewayApiRouteTarget): GatewayApiRouteTranslation {
    const unsupported: string[] = [];
    const objects: GatewayApiRouteObject[] = [];
    const targetRefs = [{ group: GATEWAY_API_GROUP, kind: target.kind, name: target.name }];

    const backendTraffic = this.backendTrafficSpec(options, target, unsupported);
    if (Object.keys(backendTraffic).length > 0) {
      objects.push({
        apiVersion: ENVOY_GATEWAY_API_VERSION,
        kind: FACTS.policies.backendTraffic.kind,
        name: `${target.name}-backend-traffic`,
        spec: { targetRefs, ...backendTraffic },
      });
    }
    if (options.allowedSourceRanges?.length) {
      objects.push({
        apiVersion: ENVOY_GATEWAY_API_VERSION,
        kind: FACTS.policies.security.kind,
        name: `${target.name}-source-allowlist`,
        spec: {
          targetRefs,
          authorization: {
            defaultAction: 'Deny',
            rules: [{ name: 'allowed-sources', action: 'Allow', principal: { clientCIDRs: [...options.allowedSourceRanges] } }],
          },
        },
      });
    }
    // A ClientTrafficPolicy targets only Gateways and ListenerSets: client certificates can not be asked per route.
    if (options.clientCertificate !== undefined) unsupported.push('clientCertificate');

    // The renderer's BackendTLSPolicy names the CA; a kind the controller does not read would fail every handshake.
    const caKind = options.backendCertificateAuthority?.objectName !== undefined ? options.backendCertificateAuthority.source : undefined;
    if (caKind !== undefined && !FACTS.backendCaRefKinds.value.kinds.includes(caKind)) unsupported.push('backendCertificateAuthority');

    const handled = new Set([
      ...RENDERED_BY_THE_GATEWAY_API, 'backendCertificateAuthority', 'maxRequestBodySize', 'connectTimeout', 'readTimeout', 'sendTimeout', 'rateLimitPerSecond',
      'allowedSourceRanges', 'clientCertificate',
    ]);
    unsupported.push(...setOptionNames(options).filter((key) => !handled.has(key)));
    return { filters: [], objects, unsupported: [...new Set(unsupported)].sort() };
  }

  /**
   * Trusted proxies as a ClientTrafficPolicy targeting the Gateway (without it Envoy takes the connection's address as
   * the client's: facts clientAddress); client certificates as the Gateway's standard frontend validation. The
   * chain depth can not be set (facts: frontendValidation), so an explicit `verifyDepth` is reported.
   */
  public translateGatewaySettings(settings: GatewayApiGatewaySettings, gateway: GatewayApiGatewayTarget): GatewayApiGatewayTranslation {
    const objects: GatewayApiRouteObject[] = [];
    const unsupported: string[] = [];
    if (settings.trustedProxyCidrs?.length) {
      objects.push({
        apiVersion: ENVOY_GATEWAY_API_VERSION,
        kind: FACTS.policies.clientTraffic.kind,
        name: `${gateway.name}-client-traffic`,
        spec: {
          targetRefs: [{ group: GATEWAY_API_GROUP, kind: 'Gateway', name: gateway.name }],
          clientIPDetection: { xForwardedFor: { trustedCIDRs: [...settings.trustedProxyCidrs] } },
        },
      });
    }
    const auth = settings.clientCertificate;
    if (auth?.verifyDepth !== undefined) unsupported.push('clientCertificate.verifyDepth');
    return {
      objects,
      ...(auth ? { frontendCaCertificateRefs: [caSecretReference(auth.caSecretName, auth.caSecretNamespace, gateway.namespace)] } : {}),
      unsupported,
    };
  }

  /** The BackendTrafficPolicy fields for the options (empty when none applies); records what can not be applied. */
  private backendTrafficSpec(options: RouteOptions, target: GatewayApiRouteTarget, unsupported: string[]): { [key: string]: any } {
    const spec: { [key: string]: any } = {};
    if (options.maxRequestBodySize !== undefined) {
      const limit = quantity(options.maxRequestBodySize);
      // Buffering the whole request breaks gRPC streams (facts: bodySizeLimit), so a GRPCRoute gets no limit.
      if (limit === undefined || target.kind === 'GRPCRoute') unsupported.push('maxRequestBodySize');
      else spec.requestBuffer = { limit };
    }
    const timeout: { tcp?: { connectTimeout: string }; http?: { streamIdleTimeout: string } } = {};
    if (options.connectTimeout !== undefined) {
      const connectTimeout = gatewayApiDuration(options.connectTimeout);
      if (connectTimeout === undefined) unsupported.push('connectTimeout');
      else timeout.tcp = { connectTimeout };
    }
    // Envoy bounds the time without a read or a write on the stream with one idle timeout: the read timeout sets it,
    // and a send timeout that differs can not be expressed next to it, so it is reported rather than dropped.
    const read = options.readTimeout !== undefined ? gatewayApiDuration(options.readTimeout) : undefined;
    const send = options.sendTimeout !== undefined ? gatewayApiDuration(options.sendTimeout) : undefined;
    if (options.readTimeout !== undefined && read === undefined) unsupported.push('readTimeout');
    if (options.sendTimeout !== undefined && (send === undefined || (read !== undefined && send !== read))) unsupported.push('sendTimeout');
    const idle = read ?? send;
    if (idle !== undefined) timeout.http = { streamIdleTimeout: idle };
    if (Object.keys(timeout).length > 0) spec.timeout = timeout;
    if (options.rateLimitPerSecond !== undefined) {
      // Distinct gives every client address in the range its own bucket; one rule per address family covers all.
      const limit = { requests: options.rateLimitPerSecond, unit: 'Second' };
      spec.rateLimit = {
        local: {
          rules: ['0.0.0.0/0', '::/0'].map((value) => ({ clientSelectors: [{ sourceCIDR: { type: 'Distinct', value } }], limit })),
        },
      };
    }
    return spec;
  }
}

/** A reference to a CA Secret (`ca.crt`), with its namespace only when it is not the Gateway's. */
function caSecretReference(name: string, namespace: string, gatewayNamespace: string) {
  return { group: '', kind: 'Secret', name, ...(namespace !== gatewayNamespace ? { namespace } : {}) };
}

/** An object's values mapped, or undefined for no object. */
function mapValues<T, U>(values: { [key: string]: T } | undefined, map: (value: T) => U): { [key: string]: U } | undefined {
  return values === undefined ? undefined : Object.fromEntries(Object.entries(values).map(([key, value]) => [key, map(value)]));
}

/** A size as a Kubernetes quantity Envoy Gateway accepts (`10Mi`, `500Ki`); undefined below 1 KiB or when fractional. */
function quantity(size: Size): string | undefined {
  const kib = size.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
  if (!Number.isInteger(kib) || kib < 1) return undefined;
  return kib % 1024 === 0 ? `${kib / 1024}Mi` : `${kib}Ki`;
}
