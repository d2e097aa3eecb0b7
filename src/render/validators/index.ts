export type { GeneratedValidators, GenerateValidatorsInput } from './generate-validators.js';
export { generateValidators } from './generate-validators.js';
export type { ValidatorOperation, ValidatorParameter } from './request-schema.js';
