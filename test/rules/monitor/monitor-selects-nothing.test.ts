import { podMonitor, scrapedApp, serviceMonitor } from './monitor-fixtures';
import { findingsOf, lintObjects, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-MONITOR-001';

describe(`${ID} ServiceMonitor or PodMonitor selects nothing`, () => {
  it('warns about a ServiceMonitor whose selector matches no Service', () => {
    // GIVEN a selector with a typo
    const monitor = serviceMonitor({ spec: { selector: { matchLabels: { scrape: 'ture' } } } });
    // WHEN
    const f = singleFinding(lintObjects([...scrapedApp(), monitor]), ID);
    // THEN a warning on the selector
    expect(f).toMatchObject({ severity: 'warning', kind: 'ServiceMonitor', namespace: 'apps', name: 'api', field: 'spec.selector', value: shown({ matchLabels: { scrape: 'ture' } }) });
    expect(f.message).toBe('the selector matches no Service in namespace(s) apps of these manifests');
  });

  it('warns about a ServiceMonitor that looks in the wrong namespace', () => {
    // GIVEN the right selector, but namespaceSelector names another namespace
    const monitor = serviceMonitor({ spec: { namespaceSelector: { matchNames: ['web'] } } });
    // THEN
    expect(singleFinding(lintObjects([...scrapedApp(), monitor]), ID).message).toContain('namespace(s) web');
  });

  it('warns about a PodMonitor whose selector matches no pod template', () => {
    // GIVEN app=apii
    const monitor = podMonitor({ spec: { selector: { matchLabels: { app: 'apii' } } } });
    // THEN
    expect(singleFinding(lintObjects([...scrapedApp(), monitor]), ID).message).toBe('the selector matches no pod template in namespace(s) apps of these manifests');
  });

  it('accepts monitors that select the metrics Service and the pods', () => {
    // GIVEN a ServiceMonitor, a PodMonitor, and a ServiceMonitor in another namespace looking into apps
    const remote = serviceMonitor({ metadata: { name: 'remote', namespace: 'monitoring' }, spec: { namespaceSelector: { matchNames: ['apps'] } } });
    // THEN
    expect(findingsOf(lintObjects([...scrapedApp(), serviceMonitor(), podMonitor(), remote]), ID)).toStrictEqual([]);
  });
});
