import { ApiObject, ApiObjectProps, Chart, Testing } from 'cdk8s';
import { gateway, httpRoute } from './gwapi-manifests';
import { RuleEngine } from '../../../src/rules/engine';
import { assertValidManifests } from '../../schema-validator';

let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

describe('Gateway API rules in a cdk8s app', () => {
  it('stops synth on a route outside its listener\'s hostnames, naming the construct path', () => {
    // GIVEN a chart with Gateway infra/web (*.example.com) and an HTTPRoute for app.example.net, as plain ApiObjects
    const app = Testing.app();
    const chart = new Chart(app, 'edge');
    RuleEngine.of(app);
    const objects = [gateway(), httpRoute({ hostnames: ['app.example.net'] })];
    objects.forEach((o, i) => new ApiObject(chart, `o${i}`, o as ApiObjectProps));
    assertValidManifests(objects);
    // WHEN synthesizing
    let message = '';
    try {
      Testing.synth(chart);
    } catch (e) {
      message = (e as Error).message;
    }
    // THEN
    expect(message).toContain('error CG-GWAPI-002 HTTPRoute apps/web at edge/o1');
    expect(message).toContain('spec.hostnames = ["app.example.net"]');
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
