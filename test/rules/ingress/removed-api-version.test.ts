import { ALL_RULES } from '../../../src/rules/catalogue';
import { evaluate } from '../../../src/rules/evaluate';
import { ClusterModel, ManifestObject } from '../../../src/rules/model';
import { RuleReport } from '../../../src/rules/report';
import { findingsOf, ingress, ingressClass, lintObjects, service, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-INGRESS-012';

/**
 * Removed API versions are not in the Kubernetes 1.28 schema the test helpers validate against,
 * so these objects go to the rules directly, the way lint reads them from old YAML.
 */
function lintRaw(objects: any[]): RuleReport {
  return evaluate(new ClusterModel(objects.map((o, i) => new ManifestObject(o, { file: 'old.yaml', documentIndex: i }))), ALL_RULES);
}

/** An Ingress as written for Kubernetes 1.18: serviceName/servicePort, no pathType, spec.backend. */
function legacyIngress(apiVersion: string, port: number | string = 80): any {
  return {
    apiVersion,
    kind: 'Ingress',
    metadata: { name: 'web', annotations: { 'kubernetes.io/ingress.class': 'nginx' } },
    spec: {
      backend: { serviceName: 'web', servicePort: port },
      rules: [{
        host: 'app.example.com',
        http: { paths: [{ path: '/', backend: { serviceName: 'web', servicePort: port } }, { path: '/api', backend: { serviceName: 'web', servicePort: port } }] },
      }],
    },
  };
}

describe(`${ID} removed Ingress API version`, () => {
  it.each(['extensions/v1beta1', 'networking.k8s.io/v1beta1'])('reports %s once, instead of one pathType error per path', (apiVersion) => {
    // GIVEN an Ingress in a removed API version with two paths without pathType
    const report = lintRaw([ingressClass(), service(), legacyIngress(apiVersion)]);
    // THEN exactly one finding says the API is gone, and no path is reported for its missing pathType
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ severity: 'error', field: 'apiVersion', value: shown(apiVersion) });
    expect(f.message).toContain('was removed in Kubernetes 1.22');
    expect(findingsOf(report, 'CG-INGRESS-002')).toEqual([]);
  });

  it('still reads the old backends: a servicePort the Service lacks is reported at servicePort', () => {
    // GIVEN the old Ingress pointing at port 8080 of Service web, which exposes only 80
    const report = lintRaw([ingressClass(), service(), legacyIngress('extensions/v1beta1', 8080)]);
    // THEN the missing port is found through serviceName/servicePort, for the default backend and both paths
    expect(findingsOf(report, 'CG-INGRESS-015').map((f) => f.field)).toEqual([
      'spec.backend.servicePort', 'spec.rules[0].http.paths[0].backend.servicePort', 'spec.rules[0].http.paths[1].backend.servicePort',
    ]);
  });

  it('accepts networking.k8s.io/v1, the compliant neighbour', () => {
    // GIVEN the same route in the current API
    const report = lintObjects([ingressClass(), service(), ingress()]);
    // THEN no finding of this rule
    expect(findingsOf(report, ID)).toEqual([]);
  });
});
