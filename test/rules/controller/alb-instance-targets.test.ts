import { findingsOf, ingress, ingressClass, lintObjects, Manifest, service, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-CONTROLLER-007';
const ALB = 'ingress.k8s.aws/alb';

function params(targetType?: string): Manifest {
  return { apiVersion: 'elbv2.k8s.aws/v1beta1', kind: 'IngressClassParams', metadata: { name: 'alb' }, spec: { scheme: 'internet-facing', ...(targetType ? { targetType } : {}) } };
}

const albClass = ingressClass({ name: 'alb', controller: ALB, parameters: { apiGroup: 'elbv2.k8s.aws', kind: 'IngressClassParams', name: 'alb' } });

describe(`${ID} ALB instance targets with a ClusterIP backend`, () => {
  it('rejects IngressClassParams targetType instance with a ClusterIP backend Service', () => {
    // GIVEN an ALB class with instance targets, and an Ingress to the ClusterIP Service "web"
    const report = lintObjects([albClass, params('instance'), ingress({ className: 'alb' }), service()]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Ingress', name: 'web', field: 'spec.rules[0].http.paths[0].backend.service.name', value: shown('web') });
    expect(f.message).toContain('IngressClassParams alb spec.targetType');
    expect(f.message).toContain('is ClusterIP');
  });

  it('rejects the target-type annotation instance with a ClusterIP backend', () => {
    // GIVEN no class-wide target type and the annotation on the Ingress
    const report = lintObjects([albClass, params(), ingress({ className: 'alb', annotations: { 'alb.ingress.kubernetes.io/target-type': 'instance' } }), service()]);
    // THEN
    expect(singleFinding(report, ID).message).toContain('annotation alb.ingress.kubernetes.io/target-type on Ingress web');
  });

  it('rejects the Service\'s target-type annotation instance, which wins over the Ingress\'s ip', () => {
    // GIVEN the Ingress asks for ip, its ClusterIP Service for instance
    const svc = service({ annotations: { 'alb.ingress.kubernetes.io/target-type': 'instance' } });
    const report = lintObjects([albClass, params(), ingress({ className: 'alb', annotations: { 'alb.ingress.kubernetes.io/target-type': 'ip' } }), svc]);
    // THEN
    expect(singleFinding(report, ID).message).toContain('annotation alb.ingress.kubernetes.io/target-type on Service web');
  });

  it('accepts ip targets with a ClusterIP backend', () => {
    const report = lintObjects([albClass, params('ip'), ingress({ className: 'alb', annotations: { 'alb.ingress.kubernetes.io/target-type': 'instance' } }), service()]);
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts instance targets with a NodePort backend', () => {
    const report = lintObjects([albClass, params('instance'), ingress({ className: 'alb' }), service({ type: 'NodePort' })]);
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('ignores Ingresses of other controllers', () => {
    const report = lintObjects([ingressClass(), ingress({ annotations: { 'alb.ingress.kubernetes.io/target-type': 'instance' } }), service()]);
    expect(findingsOf(report, ID)).toEqual([]);
  });
});
