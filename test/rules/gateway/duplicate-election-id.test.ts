import { evaluate } from '../../../src/rules/evaluate';
import { DUPLICATE_ELECTION_ID } from '../../../src/rules/gateway/duplicate-election-id';
import { ClusterModel, ManifestObject } from '../../../src/rules/model';
import { controllerDeployment, findingsOf, INGRESS_NGINX_IMAGE, lintObjects, merge, singleFinding } from '../../util/manifests';

const ID = 'CG-GATEWAY-002';

function nginx(name: string, namespace: string, electionId: string) {
  return controllerDeployment({
    name,
    namespace,
    image: INGRESS_NGINX_IMAGE,
    className: name,
    podLabels: { 'app.kubernetes.io/name': name, 'gateways.cdk8s.io/ingress-class': name },
    args: ['/nginx-ingress-controller', `--election-id=${electionId}`, `--ingress-class=${name}`],
  });
}

describe(`${ID} duplicate election id`, () => {
  it('accepts distinct election ids in one namespace', () => {
    // GIVEN two controllers with their own Lease
    const report = lintObjects([nginx('a', 'ingress', 'a-leader'), nginx('b', 'ingress', 'b-leader')]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts one election id in two namespaces (a Lease is namespaced)', () => {
    // GIVEN the same id in two namespaces
    const report = lintObjects([nginx('a', 'ingress-a', 'leader'), nginx('b', 'ingress-b', 'leader')]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects two controllers sharing an election id in one namespace, naming both', () => {
    // GIVEN two controllers on Lease "leader" in namespace "ingress"
    const report = lintObjects([nginx('a', 'ingress', 'leader'), nginx('b', 'ingress', 'leader')]);
    // THEN the second is reported, at its argument
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Deployment', name: 'b', field: 'spec.template.spec.containers[0].args[1]', value: JSON.stringify('--election-id=leader') });
    expect(f.message).toContain('Deployment ingress/b (test.yaml:1) and Deployment ingress/a (test.yaml:0) both lead-elect on Lease "leader"');
  });
});

describe(`${ID} on malformed manifests`, () => {
  it('skips containers whose args are not a list instead of failing', () => {
    // GIVEN (without schema validation, as lint may read anything) a controller whose args is a string
    const broken = merge(nginx('a', 'ingress', 'leader'), { spec: { template: { spec: { containers: [{ name: 'a', image: INGRESS_NGINX_IMAGE, args: '--election-id=leader' }] } } } });
    const model = new ClusterModel([broken, nginx('b', 'ingress', 'leader')].map((o, i) => new ManifestObject(o, { file: 'test.yaml', documentIndex: i })));
    // WHEN
    const report = evaluate(model, [DUPLICATE_ELECTION_ID]);
    // THEN
    expect(report.findings).toEqual([]);
  });
});
