import { ingressRouteFacts } from '../../../src/rules/facts/ingress-routes';
import { routeFacts } from '../../../src/rules/facts/routes';
import { ClusterModel, ManifestObject } from '../../../src/rules/model';
import { assertValidManifests } from '../../schema-validator';
import { ingress, ingressClass } from '../../util/manifests';

function modelOf(objects: any[]): ClusterModel {
  return new ClusterModel(objects.map((o, i) => new ManifestObject(o, { file: 'test.yaml', documentIndex: i })));
}

describe('route facts from Ingresses', () => {
  it('gives one fact per rule path, with host, path, parent class, backend and the TLS secret that covers the host', () => {
    // GIVEN a v1 Ingress with two paths on one host, a TLS entry for that host, and a rule without host
    const objects = [
      ingressClass(),
      ingress({
        name: 'shop',
        namespace: 'apps',
        tls: [{ hosts: ['other.example.com'], secretName: 'other-tls' }, { hosts: ['App.example.com'], secretName: 'shop-tls' }],
        rules: [
          {
            host: 'app.example.com',
            http: {
              paths: [
                { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
                { path: '/api', pathType: 'Exact', backend: { service: { name: 'api', port: { name: 'http' } } } },
              ],
            },
          },
          { http: { paths: [{ path: '/health', pathType: 'Exact', backend: { resource: { apiGroup: 'example.com', kind: 'Bucket', name: 'b' } } }] } },
        ],
      }),
    ];
    assertValidManifests(objects);
    // WHEN
    const facts = ingressRouteFacts(modelOf(objects));
    // THEN
    expect(facts.map(({ source, ...fact }) => ({ source: source.ref, ...fact }))).toStrictEqual([
      {
        source: 'Ingress apps/shop',
        api: 'ingress',
        namespace: 'apps',
        host: 'app.example.com',
        path: '/',
        pathType: 'Prefix',
        backends: [{ serviceName: 'web', namespace: 'apps', port: 80, field: 'spec.rules[0].http.paths[0].backend.service' }],
        parent: { kind: 'IngressClass', name: 'nginx' },
        tlsSecretName: 'shop-tls',
        field: 'spec.rules[0].http.paths[0]',
      },
      {
        source: 'Ingress apps/shop',
        api: 'ingress',
        namespace: 'apps',
        host: 'app.example.com',
        path: '/api',
        pathType: 'Exact',
        backends: [{ serviceName: 'api', namespace: 'apps', port: 'http', field: 'spec.rules[0].http.paths[1].backend.service' }],
        parent: { kind: 'IngressClass', name: 'nginx' },
        tlsSecretName: 'shop-tls',
        field: 'spec.rules[0].http.paths[1]',
      },
      {
        // a resource backend is no Service: the route has no backend fact; a rule without host matches any host
        source: 'Ingress apps/shop',
        api: 'ingress',
        namespace: 'apps',
        host: '*',
        path: '/health',
        pathType: 'Exact',
        backends: [],
        parent: { kind: 'IngressClass', name: 'nginx' },
        tlsSecretName: undefined,
        field: 'spec.rules[1].http.paths[0]',
      },
    ]);
  });

  it('reads a removed API version as the API server converted it: legacy class annotation, ImplementationSpecific, serviceName/servicePort', () => {
    // GIVEN an extensions/v1beta1 Ingress (not in the 1.28 schema, so it goes to the producer as lint reads old YAML)
    const legacy = {
      apiVersion: 'extensions/v1beta1',
      kind: 'Ingress',
      metadata: { name: 'old', namespace: 'web', annotations: { 'kubernetes.io/ingress.class': 'public' } },
      spec: { rules: [{ host: 'old.example.com', http: { paths: [{ backend: { serviceName: 'web', servicePort: 8080 } }] } }] },
    };
    // WHEN
    const [fact] = ingressRouteFacts(modelOf([legacy]));
    // THEN the missing path is '/', and the backend field points at the object as written
    expect(fact).toMatchObject({
      host: 'old.example.com',
      path: '/',
      pathType: 'ImplementationSpecific',
      parent: { kind: 'IngressClass', name: 'public' },
      backends: [{ serviceName: 'web', namespace: 'web', port: 8080, field: 'spec.rules[0].http.paths[0].backend' }],
    });
  });

  it('leaves the class of an Ingress without one to the default class, and computes the facts once per model', () => {
    // GIVEN an Ingress with no class
    const objects = [ingress({ className: null })];
    assertValidManifests(objects);
    const model = modelOf(objects);
    // WHEN
    const first = routeFacts(model);
    // THEN
    expect(first[0].parent).toStrictEqual({ kind: 'IngressClass', name: undefined });
    expect(routeFacts(model)).toBe(first);
    expect(routeFacts(modelOf(objects))).not.toBe(first);
  });
});
