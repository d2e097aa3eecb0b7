/**
 * Schema types come from openapi-typescript: generated code refers to them by indexed access
 * (`paths["/orders"]["post"]["requestBody"]...`); idemgen has no schema-to-type transformer of its own.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import type { JsonObject } from '../spec/types.js';

export async function renderSchemaTypes(document: JsonObject): Promise<string> {
  // openapi-typescript reads the object; it must not see our own extensions' booleans as anything special.
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], {
    silent: true,
  });
  return astToString(ast);
}
