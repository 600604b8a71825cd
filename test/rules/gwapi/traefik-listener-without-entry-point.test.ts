import { gateway, GWAPI_VERSION, httpRoute, httpsListener, listener } from './gwapi-manifests';
import { controllerDeployment, findingsOf, lintObjects, Manifest, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-GWAPI-035';
const CLASS_LABEL = { 'gateways.cdk8s.io/gateway-class': 'edge' };

/** GatewayClass `edge` claimed by Traefik, with the label its Traefik selects (as the library emits it). */
function traefikClass(labels: Record<string, string> = CLASS_LABEL): Manifest {
  return {
    apiVersion: GWAPI_VERSION,
    kind: 'GatewayClass',
    metadata: { name: 'edge', labels },
    spec: { controllerName: 'traefik.io/gateway-controller' },
  };
}

/** A Traefik with the Gateway provider on: entry points web :8000 and websecure :8443 (TLS), selecting classes by `selector` (null: none). */
function traefik(selector: string | null = 'gateways.cdk8s.io/gateway-class=edge'): Manifest {
  return controllerDeployment({
    className: 'edge',
    args: [
      '--entryPoints.web.address=:8000/tcp',
      '--entryPoints.websecure.address=:8443/tcp',
      '--entryPoints.websecure.http.tls=true',
      '--providers.kubernetesgateway=true',
      ...(selector !== null ? [`--providers.kubernetesgateway.labelselector=${selector}`] : []),
    ],
  });
}

/** Gateway infra/web of class `edge` with the given listeners, and a route on it. */
function edgeGateway(listeners: Manifest[]): Manifest[] {
  return [gateway({ listeners, override: { spec: { gatewayClassName: 'edge' } } }), httpRoute()];
}

describe(`${ID} Traefik listener without an entry point`, () => {
  it('accepts listeners on the entry points\' container ports: HTTP on web, HTTPS on websecure', () => {
    // GIVEN HTTP 8000 and HTTPS 8443 listeners on a Traefik Gateway
    const objs = [traefikClass(), traefik(), ...edgeGateway([listener({ port: 8000 }), httpsListener('https', '*.example.com', 'wildcard-tls', { port: 8443 })])];
    // THEN
    expect(findingsOf(lintObjects(objs, { externalSecrets: ['infra/wildcard-tls'] }), ID)).toStrictEqual([]);
  });

  it('rejects a listener on the Service port 80, which no Traefik entry point listens on', () => {
    // GIVEN the default listener on port 80
    const objs = [traefikClass(), traefik(), ...edgeGateway([listener()])];
    // WHEN
    const f = singleFinding(lintObjects(objs), ID);
    // THEN the listener's port is reported, naming the Traefik and its entry points
    expect(f).toMatchObject({ kind: 'Gateway', namespace: 'infra', name: 'web', field: 'spec.listeners[0].port', severity: 'error' });
    expect(f.value).toBe(shown(80));
    expect(f.message).toContain('matches no entry point of Traefik Deployment ingress-system/ingress-controller, which has web :8000, websecure :8443 (TLS)');
  });

  it('rejects an HTTP listener on the TLS entry point\'s port, which Traefik skips for HTTP', () => {
    // GIVEN HTTP on 8443 (websecure has http.tls)
    const objs = [traefikClass(), traefik(), ...edgeGateway([listener({ port: 8443 })])];
    // THEN
    const f = singleFinding(lintObjects(objs), ID);
    expect(f.value).toBe(shown(8443));
    expect(f.message).toContain('and has no TLS');
  });

  it('does not judge a class the Traefik in the manifests does not select', () => {
    // GIVEN a class labelled for another Traefik instance (served by a Traefik deployed elsewhere)
    const objs = [traefikClass({ 'gateways.cdk8s.io/gateway-class': 'other' }), traefik(), ...edgeGateway([listener()])];
    // THEN
    expect(findingsOf(lintObjects(objs), ID)).toStrictEqual([]);
  });

  it('judges a class against a Traefik without label selector, which serves every Traefik class', () => {
    // GIVEN a Traefik with no selector and a listener on 80
    const objs = [traefikClass({}), traefik(null), ...edgeGateway([listener()])];
    // THEN
    expect(singleFinding(lintObjects(objs), ID).value).toBe(shown(80));
  });

  it('does not judge Gateways of other implementations', () => {
    // GIVEN the default Gateway (class "eg", not in the manifests) next to a Traefik
    const objs = [traefik(), gateway(), httpRoute()];
    // THEN
    expect(findingsOf(lintObjects(objs), ID)).toStrictEqual([]);
  });
});
