import { IngressNginxController, IngressNginxProps } from './ingress-nginx';
import { IIngressController } from './controller-profile';

/** Factories for the supported ingress controller profiles. */
export class IngressController {
  /**
   * ingress-nginx. Retired upstream in March 2026 (no more security fixes): it still works,
   * and every synth warns (CG-CONTROLLER-003).
   */
  public static nginx(props: IngressNginxProps = {}): IIngressController {
    return new IngressNginxController(props);
  }

  private constructor() {}
}
