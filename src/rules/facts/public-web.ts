/** What a `PublicWebGateway` records on its IngressClass for the rules. */
import { ANNOTATION_PUBLIC_WEB_UNSUPPORTED, decodeList } from '../../core/manifest-contract';
import { ManifestObject } from '../model';

/** The IngressClass annotation value as a list (trimmed, empty entries dropped). */
export function unsupportedHardening(ingressClass: ManifestObject): string[] {
  return decodeList(ingressClass.annotations[ANNOTATION_PUBLIC_WEB_UNSUPPORTED]);
}
