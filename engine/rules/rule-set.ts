import type { RuleSetSpec } from './spec.ts';
import type { RuleContext } from './context.ts';
import { evaluateRule, evaluateTemplate, ruleProblems, templateProblems } from './rules.ts';

/** A rule set ready to run: its steps in order, then its result, over the caller's data. */
export class RuleSet {
  /** `sets`: the collection it belongs to, which its rules may call with `rule_set`. */
  constructor(
    readonly definition: RuleSetSpec,
    private readonly sets?: RuleSets,
  ) {}

  get name(): string {
    return this.definition.rules;
  }

  /** The result over `input`; the steps are added to (a copy of) the input as they are computed. */
  evaluate(input: Record<string, unknown>, given: RuleContext): unknown {
    const context = given.ruleSets || !this.sets ? given : { ...given, ruleSets: this.sets };
    const data: Record<string, unknown> = { ...input };
    for (const [name, step] of Object.entries(this.definition.let ?? {})) data[name] = evaluateRule(step, data, context);
    return evaluateTemplate(this.definition.result, data, context);
  }
}

/** Problems of a rule set found without running it. */
export function ruleSetProblems(def: RuleSetSpec): { path: (string | number)[]; message: string }[] {
  return [
    ...Object.entries(def.let ?? {}).flatMap(([name, step]) => ruleProblems(step, ['let', name])),
    ...templateProblems(def.result, ['result']),
  ];
}

/** The rule sets by name. */
export class RuleSets {
  private readonly byName: Map<string, RuleSet>;

  constructor(definitions: RuleSetSpec[]) {
    this.byName = new Map(definitions.map((d) => [d.rules, new RuleSet(d, this)]));
  }

  get(name: string): RuleSet {
    const set = this.byName.get(name);
    if (!set) throw new Error(`no rule set named '${name}'`);
    return set;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  get all(): RuleSet[] {
    return [...this.byName.values()];
  }
}
