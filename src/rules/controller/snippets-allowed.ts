import { defineRule } from '../rule';
import { Severity } from '../severity';

export const SNIPPETS_ALLOWED = defineRule({
  id: 'CG-CONTROLLER-004',
  severity: Severity.ERROR,
  description: 'An ingress-nginx ConfigMap sets allow-snippet-annotations: "true" or annotations-risk-level: Critical',
  fix: 'Set allow-snippet-annotations to "false" and annotations-risk-level to High or lower',
  manifestLevel: true,
  kinds: ['ConfigMap'],
  check(model, report) {
    for (const object of model.ofKind('ConfigMap')) {
      const data = object.json.data ?? {};
      if (String(data['allow-snippet-annotations']).toLowerCase() === 'true') {
        report({ object, field: 'data["allow-snippet-annotations"]', value: data['allow-snippet-annotations'], message: 'lets every Ingress author inject raw nginx configuration' });
      }
      if (data['annotations-risk-level'] === 'Critical') {
        report({ object, field: 'data["annotations-risk-level"]', value: 'Critical', message: 'accepts Critical-risk annotations such as snippets' });
      }
    }
  },
});
