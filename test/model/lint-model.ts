/** Test helper: build the model and check the rules the way `lint` does, diagnostics located. */

import { locateDiagnostics } from '../../src/load/types.js';
import { buildModel } from '../../src/model/build.js';
import { checkRules, type RuleSeverities } from '../../src/model/rules.js';
import { loadFixture } from './make-spec.js';

export function lintFixture(name: string, rules: RuleSeverities = {}) {
  const spec = loadFixture(name);
  const built = buildModel({ spec, rules });
  const unlocated = [...built.diagnostics, ...checkRules({ model: built.model, severities: rules })];
  return { spec, model: built.model, diagnostics: locateDiagnostics(spec, unlocated) };
}

export function operationOf(model: ReturnType<typeof lintFixture>['model'], id: string) {
  const op = model.operations.find((o) => o.id === id);
  if (!op) throw new Error(`no operation ${id}`);
  return op;
}
