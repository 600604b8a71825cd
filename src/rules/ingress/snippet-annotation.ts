import { defineRule } from '../rule';
import { Severity } from '../severity';

export const SNIPPET_ANNOTATION = defineRule({
  id: 'CG-INGRESS-008',
  severity: Severity.ERROR,
  description: 'An Ingress carries a configuration snippet annotation (*-snippet), which injects raw proxy configuration',
  fix: 'Use the typed route options or a controller setting instead; snippets let any Ingress author run arbitrary proxy directives',
  manifestLevel: true,
  kinds: ['Ingress'],
  check(model, report) {
    for (const object of model.ofKind('Ingress')) {
      for (const [key, value] of Object.entries(object.annotations)) {
        const name = key.slice(key.indexOf('/') + 1);
        if (name.endsWith('-snippet') || name === 'snippet' || name.endsWith('.snippet')) {
          report({ object, field: `metadata.annotations["${key}"]`, value: truncate(value), message: 'snippet annotations inject raw configuration into the shared proxy (CVE-2021-25742, CVE-2025-1974)' });
        }
      }
    }
  },
});

function truncate(raw: unknown): string {
  const value = String(raw ?? '');
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
