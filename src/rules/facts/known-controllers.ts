import { LABEL_INGRESS_CLASS } from '../../core/manifest-contract';
import { ClusterModel, containersOf, ManifestObject, PodTemplateRef } from '../model';

/** Ingress controller images recognized in manifests that this library did not write. */
interface KnownController {
  readonly name: string;
  readonly image: RegExp;
  /** Set when upstream no longer ships fixes. */
  readonly retired?: string;
}

export const KNOWN_CONTROLLERS: readonly KnownController[] = [
  {
    name: 'ingress-nginx',
    image: /(^|\/)ingress-nginx\/controller(-chroot)?([:@]|$)/,
    retired: 'ingress-nginx was retired upstream in March 2026 and receives no more releases or security fixes',
  },
  { name: 'traefik', image: /(^|\/)traefik([:@]|$)/ },
  { name: 'haproxy', image: /(^|\/)haproxytech\/kubernetes-ingress([:@]|$)/ },
];

export interface ControllerWorkload {
  readonly pod: PodTemplateRef;
  readonly controller: KnownController | undefined;
  /** JSON path of the container that runs the controller, when recognized by image. */
  readonly containerPath?: string;
}

/** Workloads that run an ingress controller: labelled by this library, or running a known controller image. */
export function controllerWorkloads(model: ClusterModel): ControllerWorkload[] {
  const result: ControllerWorkload[] = [];
  for (const pod of model.podTemplates()) {
    let match: ControllerWorkload | undefined;
    for (const c of containersOf(pod)) {
      const controller = KNOWN_CONTROLLERS.find((k) => k.image.test(String(c.container.image ?? '')));
      if (controller) {
        match = { pod, controller, containerPath: c.path };
        break;
      }
    }
    if (!match && pod.labels[LABEL_INGRESS_CLASS] !== undefined) match = { pod, controller: undefined };
    if (match) result.push(match);
  }
  return result;
}

/** The controller pods that serve an IngressClass: by this library's class label, or by the class flags in their args. */
export function controllerPodsForClass(model: ClusterModel, ingressClass: ManifestObject): PodTemplateRef[] {
  const name = ingressClass.name;
  const controllerValue = ingressClass.json.spec?.controller;
  return controllerWorkloads(model)
    .filter((w) => w.pod.object.namespace !== undefined)
    .filter((w) => {
      if (w.pod.labels[LABEL_INGRESS_CLASS] !== undefined) return w.pod.labels[LABEL_INGRESS_CLASS] === name;
      const args = containersOf(w.pod).flatMap((c) => [...(c.container.args ?? []), ...(c.container.command ?? [])]).map(String);
      return args.includes(`--ingress-class=${name}`)
        || args.includes(`--providers.kubernetesingress.ingressclass=${name}`)
        || args.includes(`--ingress.class=${name}`)
        || (controllerValue !== undefined && args.includes(`--controller-class=${controllerValue}`));
    })
    .map((w) => w.pod);
}
