// @ts-check
import { idemgenErrors } from './errors.js';

/**
 * @typedef {((body: unknown) => boolean) & { errors?: Parameters<typeof idemgenErrors>[0] }} BodyValidator
 */

/**
 * Picks the exact status, else its `NXX` range, else `default`, from an operation's table (`null`: declared,
 * nothing to check; absent: undeclared, not checked here) and returns the body's issues under `/body`, or null.
 * @param {Record<string, BodyValidator | null>} table
 * @param {number | string} status
 * @param {unknown} body
 * @returns {Array<{ pointer: string, message: string }> | null}
 */
export function idemgenCheckResponse(table, status, body) {
  const exact = String(status);
  const range = `${exact.charAt(0)}XX`;
  const key = Object.hasOwn(table, exact) ? exact : Object.hasOwn(table, range) ? range : 'default';
  const validate = Object.hasOwn(table, key) ? table[key] : null;
  if (!validate || validate(body)) return null;
  /** @type {Array<{ pointer: string, message: string }>} */
  const errors = [];
  idemgenErrors(validate.errors, '/body', errors);
  return errors;
}
