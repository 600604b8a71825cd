/**
 * Variants 1 and 2: the app written with this library (gateways + `Route`), rules on or off.
 *
 * The non-library objects (Service, Certificate, NetworkPolicy, Deployment) use the typed L1 bindings
 * rather than cdk8s-plus, so the gap to the plain baseline is the library's own cost: gateways,
 * `Route` and the rule engine.
 */
import { App, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { CloudProvider, GatewayExposure, IngressClassGateway, IngressController, RouteBackend, RuleEngine } from '../../src';
import { Certificate, ClusterIssuer } from '../../src/imports/cert-manager.io';
import {
  APP_IMAGE, APP_LABELS, APP_NAME, APP_PORT, CLUSTER_ISSUER, INTERNAL_API, PUBLIC_WEB, RouteSpec, SERVICE_PORT,
  certificateManifest, networkPolicyManifest, routesByTenant, tenantNamespace,
} from '../workload';

export interface Gateways {
  readonly chart: Chart;
  readonly byClass: Map<string, IngressClassGateway>;
}

/** The gateways chart: two nginx classes and the ClusterIssuer. */
function buildGatewaysChart(app: App): Gateways {
  const chart = new Chart(app, 'gateways');
  const publicWeb = new IngressClassGateway(chart, 'PublicWeb', {
    className: PUBLIC_WEB.className,
    namespace: PUBLIC_WEB.namespace,
    controller: IngressController.nginx(),
    defaultClass: true,
  });
  const internalApi = new IngressClassGateway(chart, 'InternalApi', {
    className: INTERNAL_API.className,
    namespace: INTERNAL_API.namespace,
    controller: IngressController.nginx(),
    exposure: GatewayExposure.internalLoadBalancer(CloudProvider.AWS),
  });
  new ClusterIssuer(chart, 'Letsencrypt', {
    metadata: { name: CLUSTER_ISSUER },
    spec: {
      acme: {
        server: 'https://acme-v02.api.letsencrypt.org/directory',
        email: 'platform@example.com',
        privateKeySecretRef: { name: `${CLUSTER_ISSUER}-account-key` },
        solvers: [{ http01: { ingress: { ingressClassName: PUBLIC_WEB.className } } }],
      },
    },
  });
  return { chart, byClass: new Map([[PUBLIC_WEB.className, publicWeb], [INTERNAL_API.className, internalApi]]) };
}

/** Builds the app; returns the gateways (infra.ts captures their chart for the baselines). */
export function build(app: App, routes: RouteSpec[], rulesEnabled: boolean): Gateways {
  RuleEngine.of(app).enabled = rulesEnabled;
  const gateways = buildGatewaysChart(app);
  routesByTenant(routes).forEach((tenantRoutes, tenant) => {
    const chart = new Chart(app, tenantNamespace(tenant), { namespace: tenantNamespace(tenant) });
    new k8s.KubeDeployment(chart, 'App', appDeploymentProps());
    for (const route of tenantRoutes) {
      const gateway = gateways.byClass.get(route.gateway.className)!;
      new k8s.KubeService(chart, `${route.name}-svc`, {
        metadata: { name: route.name },
        spec: {
          type: 'ClusterIP',
          selector: APP_LABELS,
          ports: [{ name: 'http', port: SERVICE_PORT, targetPort: k8s.IntOrString.fromNumber(APP_PORT), protocol: 'TCP' }],
        },
      });
      gateway.addRoute(chart, `${route.name}-route`, {
        host: route.host,
        ingressName: route.name,
        backend: RouteBackend.fromServiceName(route.name, { port: SERVICE_PORT }),
        tlsSecretName: route.secretName,
      });
      // The Certificate's props are exactly its manifest's metadata + spec; the binding types them.
      const cert = certificateManifest(route);
      new Certificate(chart, `${route.name}-cert`, { metadata: cert.metadata, spec: cert.spec });
      // Same JSON as the plain baseline, through the typed binding (ports become IntOrString).
      const policy = networkPolicyManifest(route, gateway.controllerPodLabels!);
      new k8s.KubeNetworkPolicy(chart, `${route.name}-netpol`, {
        metadata: policy.metadata,
        spec: {
          ...policy.spec,
          ingress: [{ from: policy.spec.ingress[0].from, ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(APP_PORT) }] }],
        },
      });
    }
  });
  return gateways;
}

/** Typed twin of `appDeploymentManifest()` (same JSON; `--check` verifies it). */
export function appDeploymentProps(): k8s.KubeDeploymentProps {
  const probe: k8s.Probe = { httpGet: { path: '/', port: k8s.IntOrString.fromNumber(APP_PORT) }, periodSeconds: 10 };
  return {
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
            resources: {
              requests: { cpu: k8s.Quantity.fromString('50m'), memory: k8s.Quantity.fromString('64Mi') },
              limits: { cpu: k8s.Quantity.fromString('500m'), memory: k8s.Quantity.fromString('128Mi') },
            },
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
