import { containersOf } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

/** The tag of an image reference, or undefined; a registry port (`host:5000/app`) is not a tag. */
export function imageTag(image: string): string | undefined {
  const withoutDigest = image.split('@')[0];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return colon === -1 ? undefined : withoutDigest.slice(colon + 1);
}

export const UNPINNED_IMAGE = defineRule({
  id: 'CG-POD-003',
  severity: Severity.ERROR,
  description: 'A container image has no tag, or uses the latest tag',
  fix: 'Pin the image to a version tag (and ideally a digest), for example "registry.k8s.io/ingress-nginx/controller:v1.15.1"',
  manifestLevel: true,
  kinds: ['ReplicationController', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'],
  check(model, report) {
    for (const pod of model.podTemplates()) {
      for (const { container, path } of containersOf(pod)) {
        const image = String(container.image ?? '');
        const tag = imageTag(image);
        const hasDigest = image.includes('@sha256:');
        if (image === '') report({ object: pod.object, field: `${path}.image`, value: container.image, message: `container "${container.name}" has no image` });
        else if (tag === 'latest' && !hasDigest) report({ object: pod.object, field: `${path}.image`, value: image, message: 'the latest tag changes under you; every rollout may run different code' });
        else if (tag === undefined && !hasDigest) report({ object: pod.object, field: `${path}.image`, value: image, message: 'an image without a tag means latest' });
      }
    }
  },
});
