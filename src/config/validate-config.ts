/**
 * Validates a loaded config against `config.schema.json` with ajv: unknown keys, wrong types and values are
 * errors naming the key and the file. Helpers must be functions, which JSON Schema cannot say.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { closestName } from '../core/closest-name.js';
import { isRuleCode, RULES } from '../model/rules.js';
import schema from './config.schema.json' with { type: 'json' };
import { ConfigError } from './config-error.js';
import type { IdemgenConfig } from './types.js';

let validators: { root: ValidateFunction; project: ValidateFunction } | undefined;

function getValidators(): { root: ValidateFunction; project: ValidateFunction } {
  if (validators) return validators;
  // strict: a schema ajv would only warn about (a union type, say) fails every config test instead of
  // printing ajv's warning to each user.
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addSchema(schema);
  validators = {
    root: ajv.getSchema(`${schema.$id}#/definitions/root`)!,
    project: ajv.getSchema(`${schema.$id}#/definitions/project`)!,
  };
  return validators;
}

const ROOT_KEYS = Object.keys(schema.definitions.root.properties);

function errorToMessage(error: ErrorObject): string {
  const at = error.instancePath || '(top level)';
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    const near = closestName({ name: key, names: ROOT_KEYS });
    return `unknown key "${key}" at ${at}${near ? ` (did you mean "${near}"?)` : ''}`;
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
    return `${at}: must be one of ${allowed}`;
  }
  return `${at}: ${error.message ?? 'is invalid'}`;
}

function semanticProblems(config: IdemgenConfig): string[] {
  const parts = Array.isArray(config) ? config : [config, ...(config.projects ?? [])];
  const problems: string[] = [];
  parts.forEach((part) => {
    for (const code of Object.keys(part.rules ?? {})) {
      if (!isRuleCode(code)) {
        const near = closestName({ name: code, names: Object.keys(RULES) });
        problems.push(`unknown rule "${code}" in rules${near ? ` (did you mean "${near}"?)` : ''}`);
      }
    }
    for (const [name, helper] of Object.entries(part.helpers ?? {})) {
      if (typeof helper !== 'function') problems.push(`helper "${name}" must be a function`);
    }
  });
  if (
    !Array.isArray(config) &&
    !config.projects &&
    (config.spec === undefined) !== (config.out === undefined)
  ) {
    problems.push('a config without projects sets both "spec" and "out", or neither');
  }
  return problems;
}

/** Throws a ConfigError listing every problem; returns the config typed when it is valid. */
export function validateConfig(options: { config: unknown; file: string }): IdemgenConfig {
  const { config, file } = options;
  const { root, project } = getValidators();
  const problems: string[] = [];
  if (Array.isArray(config)) {
    config.forEach((item, index) => {
      if (!project(item)) {
        for (const error of project.errors ?? []) {
          problems.push(errorToMessage({ ...error, instancePath: `/${index}${error.instancePath}` }));
        }
      }
    });
  } else if (!root(config)) {
    problems.push(...(root.errors ?? []).map(errorToMessage));
  }
  if (problems.length === 0) problems.push(...semanticProblems(config as IdemgenConfig));
  if (problems.length > 0) {
    throw new ConfigError(`Invalid config ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`, file);
  }
  return config as IdemgenConfig;
}
