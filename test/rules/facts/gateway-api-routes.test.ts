import { gatewayApiRouteFacts } from '../../../src/rules/facts/gateway-api-routes';
import { ClusterModel, ManifestObject } from '../../../src/rules/model';
import { assertValidManifests } from '../../schema-validator';
import { Manifest } from '../../util/manifests';
import { grpcRoute, httpRoute } from '../gwapi/gwapi-manifests';

function factsOf(objs: Manifest[]) {
  assertValidManifests(objs);
  return gatewayApiRouteFacts(new ClusterModel(objs.map((o, i) => new ManifestObject(o, { file: 'test.yaml', documentIndex: i }))));
}

describe('gatewayApiRouteFacts', () => {
  it('yields one fact per parentRef x hostname x match, with the match\'s path, type and field', () => {
    // GIVEN an HTTPRoute with two parents, two hostnames and a rule with two matches
    const route = httpRoute({
      parentRefs: [{ name: 'web', namespace: 'infra' }, { kind: 'ListenerSet', name: 'tenant-a', sectionName: 'https' }],
      hostnames: ['a.example.com', 'b.example.com'],
      rules: [{ matches: [{ path: { type: 'Exact', value: '/login' } }, { path: { type: 'PathPrefix', value: '/api' } }], backendRefs: [{ name: 'web', port: 80 }] }],
    });
    // WHEN
    const facts = factsOf([route]);
    // THEN 2 x 2 x 2
    expect(facts).toHaveLength(8);
    expect(facts.map((f) => `${f.parent.kind}:${f.host}${f.path}(${f.pathType})`)).toEqual([
      'Gateway:a.example.com/login(Exact)', 'Gateway:a.example.com/api(PathPrefix)',
      'Gateway:b.example.com/login(Exact)', 'Gateway:b.example.com/api(PathPrefix)',
      'ListenerSet:a.example.com/login(Exact)', 'ListenerSet:a.example.com/api(PathPrefix)',
      'ListenerSet:b.example.com/login(Exact)', 'ListenerSet:b.example.com/api(PathPrefix)',
    ]);
    expect(facts[4]).toMatchObject({
      api: 'gateway-api',
      namespace: 'apps',
      field: 'spec.rules[0].matches[0]',
      parent: { kind: 'ListenerSet', name: 'tenant-a', namespace: 'apps', sectionName: 'https' },
      backends: [{ serviceName: 'web', namespace: 'apps', port: 80, field: 'spec.rules[0].backendRefs[0]' }],
    });
    // The listener holds the certificate, not the route.
    expect(facts.every((f) => f.tlsSecretName === undefined)).toBe(true);
  });

  it('gives host "*" to a route without hostnames and path "/" PathPrefix to a rule without matches', () => {
    // GIVEN no hostnames and a rule with only a backend in another namespace
    const facts = factsOf([httpRoute({ hostnames: null, rules: [{ backendRefs: [{ name: 'api', namespace: 'backends', port: 8080 }] }] })]);
    // THEN
    expect(facts).toEqual([expect.objectContaining({
      host: '*',
      path: '/',
      pathType: 'PathPrefix',
      field: 'spec.rules[0]',
      backends: [{ serviceName: 'api', namespace: 'backends', port: 8080, field: 'spec.rules[0].backendRefs[0]' }],
    })]);
  });

  it('turns GRPCRoute method matches into /<service>/<method> paths', () => {
    // GIVEN service + method, service only, and method only
    const facts = factsOf([grpcRoute({
      rules: [{
        matches: [{ method: { service: 'shop.Cart', method: 'Get' } }, { method: { service: 'shop.Cart' } }, { method: { method: 'Get' } }],
        backendRefs: [{ name: 'cart', port: 9090 }],
      }],
    })]);
    // THEN
    expect(facts.map((f) => `${f.path} ${f.pathType}`)).toEqual(['/shop.Cart/Get Exact', '/shop.Cart/ PathPrefix', '/ PathPrefix']);
  });

  it('leaves out parents and backends of other kinds, and routes with no Gateway or ListenerSet parent', () => {
    // GIVEN a route whose backends are a Service and a custom kind, and a route attached only to a Service (mesh)
    const facts = factsOf([
      httpRoute({ rules: [{ backendRefs: [{ name: 'web', port: 80 }, { group: 'example.io', kind: 'Bucket', name: 'assets' }] }] }),
      httpRoute({ name: 'mesh', parentRefs: [{ group: '', kind: 'Service', name: 'web' }] }),
    ]);
    // THEN one fact, with the Service backend only
    expect(facts).toHaveLength(1);
    expect(facts[0].backends.map((b) => b.serviceName)).toEqual(['web']);
  });
});
