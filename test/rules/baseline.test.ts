import * as m from '../util/manifests';

test('smoke', () => {
  const objs = [...m.webApp(), m.pdb(), m.hpa(), m.networkPolicy(), m.configMap({ data: { a: 'b' } }), m.namespace(), m.secret(), m.certificate(), m.controllerDeployment(), m.pdb({ name: 'ctl', namespace: 'ingress-system', selector: { 'app.kubernetes.io/name': 'ingress-controller' } }), m.pod()];
  const report = m.lintObjects(objs);
  console.log(report.format(report.findings));
  expect(m.ruleIds(report)).toEqual([]);
});
