import { deployment, findingsOf, lintObjects, Manifest, namespace, networkPolicy, service, shown, singleFinding } from '../../util/manifests';
import { gateway, httpRoute } from '../gwapi/gwapi-manifests';

const ID = 'CG-NETPOL-001';
const ENVOY_PROXY_LABELS = {
  'app.kubernetes.io/name': 'envoy',
  'app.kubernetes.io/component': 'proxy',
  'app.kubernetes.io/managed-by': 'envoy-gateway',
  'gateway.envoyproxy.io/owning-gateway-name': 'web',
  'gateway.envoyproxy.io/owning-gateway-namespace': 'infra',
};

/** An Envoy Gateway class, Gateway infra/web on it, and app web in namespace apps (isolated by a default-deny), routed by an HTTPRoute. */
function cluster(...extra: Manifest[]): Manifest[] {
  return [
    namespace({ name: 'infra' }),
    namespace({ name: 'apps' }),
    { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'envoy' }, spec: { controllerName: 'gateway.envoyproxy.io/gatewayclass-controller' } },
    gateway({ override: { spec: { gatewayClassName: 'envoy' } } }),
    deployment({ namespace: 'apps', ports: [{ name: 'http', containerPort: 8080 }] }),
    service({ namespace: 'apps' }),
    httpRoute(),
    networkPolicy({ namespace: 'apps' }),
    ...extra,
  ];
}

/** Admits `from` to app web on 8080. */
function allowance(from: Manifest): Manifest {
  return networkPolicy({ name: 'allow-proxies', namespace: 'apps', podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [from], ports: [{ protocol: 'TCP', port: 8080 }] }] });
}

describe(`${ID} with HTTPRoutes: the Gateway's proxies must reach the backend`, () => {
  it('rejects an isolated backend that no policy opens to Envoy Gateway\'s proxies of the Gateway', () => {
    // GIVEN the default-deny only
    const f = singleFinding(lintObjects(cluster()), ID);
    // THEN the route is reported at its backendRef, naming the proxies and their namespace
    expect(f).toMatchObject({ kind: 'HTTPRoute', namespace: 'apps', field: 'spec.rules[0].backendRefs[0]', value: shown({ name: 'web', port: { number: 80 } }) });
    expect(f.message).toBe('NetworkPolicy default-deny isolates the pods of Service web, and none admits Gateway infra/web\'s proxies (namespace envoy-gateway-system) on port 8080');
  });

  it('accepts an allowance for the owning-gateway labels in envoy-gateway-system', () => {
    // GIVEN a policy admitting Envoy Gateway's proxy pods of infra/web
    const report = lintObjects(cluster(allowance({
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'envoy-gateway-system' } },
      podSelector: { matchLabels: { 'gateway.envoyproxy.io/owning-gateway-name': 'web', 'gateway.envoyproxy.io/owning-gateway-namespace': 'infra' } },
    })));
    // THEN
    expect(findingsOf(report, ID)).toStrictEqual([]);
  });

  it('rejects an allowance for another Gateway\'s proxies', () => {
    // GIVEN a policy admitting the proxies of Gateway infra/internal only
    const report = lintObjects(cluster(allowance({
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'envoy-gateway-system' } },
      podSelector: { matchLabels: { ...ENVOY_PROXY_LABELS, 'gateway.envoyproxy.io/owning-gateway-name': 'internal' } },
    })));
    // THEN
    expect(findingsOf(report, ID).map((f) => f.kind)).toStrictEqual(['HTTPRoute']);
  });

  it('reads the proxies a Gateway records in its annotations, for any implementation', () => {
    // GIVEN a Gateway of an unknown class that records its proxies, and an allowance for exactly them
    const annotations = { 'gateways.cdk8s.io/proxy-namespace': 'edge', 'gateways.cdk8s.io/proxy-pod-labels': 'app=proxy,gateway=web' };
    const objs = cluster().map((o) => (o.kind === 'Gateway' ? gateway({ annotations, override: { spec: { gatewayClassName: 'other' } } }) : o));
    const open = allowance({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'edge' } }, podSelector: { matchLabels: { app: 'proxy', gateway: 'web' } } });
    // THEN without the allowance the route is reported; with it, not
    expect(singleFinding(lintObjects(objs), ID).message).toMatch(/none admits Gateway infra\/web's proxies \(namespace edge\)/);
    expect(findingsOf(lintObjects([...objs, open]), ID)).toStrictEqual([]);
  });

  it('does not judge a Gateway whose proxies neither the Gateway nor a known implementation names', () => {
    // GIVEN a Gateway of an unknown class, no annotations
    const objs = cluster().map((o) => (o.kind === 'Gateway' ? gateway({ override: { spec: { gatewayClassName: 'other' } } }) : o));
    // THEN
    expect(findingsOf(lintObjects(objs), ID)).toStrictEqual([]);
  });
});
