import { ApiObject, ApiObjectProps, Chart, Testing } from 'cdk8s';
import { gateway, httpRoute, listener } from './gwapi-manifests';
import { RuleEngine } from '../../../src/rules/engine';
import { assertValidManifests } from '../../schema-validator';
import { namespace } from '../../util/manifests';

let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

describe('Gateway API rules in a cdk8s app', () => {
  it('stops synth on a route outside its listener\'s hostnames, naming the construct path', () => {
    // GIVEN a chart with Gateway infra/web (*.example.com) and an HTTPRoute for app.example.net, as plain ApiObjects
    const objects = [gateway(), httpRoute({ hostnames: ['app.example.net'] })];
    // WHEN synthesizing them in chart "edge"
    const message = synthFailure(objects);
    // THEN
    expect(message).toContain('error CG-GWAPI-002 HTTPRoute apps/web at edge/o1');
    expect(message).toContain('spec.hostnames = ["app.example.net"]');
  });

  it('stops synth on a hand-written Gateway whose listener without hostname admits a tenant namespace (CG-GWAPI-009)', () => {
    // GIVEN tenant namespace shop (hosts shop.example.com) and Gateway infra/web whose HTTP listener has no hostname and admits all
    const objects = [
      namespace({ name: 'shop', annotations: { 'gateways.cdk8s.io/allowed-hosts': 'shop.example.com' } }),
      gateway({ listeners: [listener({ hostname: null })] }),
    ];
    // WHEN synthesizing them in chart "edge"
    const message = synthFailure(objects);
    // THEN
    expect(message).toContain('error CG-GWAPI-009 Gateway infra/web at edge/o1');
    expect(message).toContain('admits routes from namespace "shop"');
  });

  it('synthesizes a Gateway and a route on it without findings', () => {
    // GIVEN the same with app.example.com
    const app = Testing.app();
    const chart = new Chart(app, 'edge');
    const engine = RuleEngine.of(app);
    [gateway(), httpRoute()].forEach((o, i) => new ApiObject(chart, `o${i}`, o as ApiObjectProps));
    // WHEN
    const manifests = Testing.synth(chart);
    // THEN
    expect(manifests.map((m) => m.kind)).toEqual(['Gateway', 'HTTPRoute']);
    expect(engine.run().findings).toEqual([]);
  });
});

/** The objects as plain ApiObjects of chart "edge" (schema- and CEL-validated first), and the message synth fails with ('' when it passes). */
function synthFailure(objects: object[]): string {
  assertValidManifests(objects);
  const app = Testing.app();
  const chart = new Chart(app, 'edge');
  RuleEngine.of(app);
  objects.forEach((o, i) => new ApiObject(chart, `o${i}`, o as ApiObjectProps));
  try {
    Testing.synth(chart);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}
