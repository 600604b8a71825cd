import { IConstruct } from 'constructs';
import { RuleEngine } from './engine';

/**
 * Accepts rule findings for a construct and everything below it, with a reason.
 *
 * The reason is written into each affected object as the annotation
 * `suppress.gateways.cdk8s.io/<rule id>`, so the exception stays visible in the manifests
 * and the `cdk8s synth` plugin and `lint` honour it too.
 */
export class Suppressions {
  /** The suppressions of `scope`. */
  public static of(scope: IConstruct): Suppressions {
    return new Suppressions(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  /**
   * Accepts findings of `ruleId` on this construct and below.
   * An unknown rule ID or a reason shorter than 10 characters is itself reported as an error at synth.
   */
  public add(ruleId: string, reason: string): Suppressions {
    RuleEngine.of(this.scope)._addSuppression(this.scope, ruleId, reason);
    return this;
  }
}
