/**
 * Is this an OpenAPI 3.0 or 3.1 document, or a Swagger 2.0 one (to be converted to 3.0)? Other documents get
 * a diagnostic with a fix.
 */
import type { UnlocatedDiagnostic } from '../core/diagnostics.js';
import type { JsonValue } from '../core/json.js';

export type VersionCheck =
  | { version: '3.0' | '3.1'; diagnostic?: undefined; swagger2?: undefined }
  /** `swagger: "2.0"`: OpenAPI 3.0 once converted. */
  | { version: '3.0'; diagnostic?: undefined; swagger2: true }
  | { diagnostic: UnlocatedDiagnostic };

export function checkOpenapiVersion(value: JsonValue): VersionCheck {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return notOpenapi('the document is not an object with an `openapi` field');
  }
  if (value.swagger !== undefined) {
    if (value.swagger === '2.0') return { version: '3.0', swagger2: true };
    return {
      diagnostic: {
        code: 'swagger-version-unsupported',
        severity: 'error',
        message: `swagger version ${JSON.stringify(value.swagger)} is not supported; idemgen reads Swagger "2.0" (converting it) and OpenAPI 3.0 and 3.1`,
        pointer: '/swagger',
        hint:
          typeof value.swagger === 'number'
            ? 'Quote the version so YAML keeps it a string: `swagger: "2.0"`.'
            : 'Set `swagger: "2.0"` if the document is Swagger 2.0, or convert it to OpenAPI 3 (`openapi: 3.0.3`).',
      },
    };
  }
  const raw = value.openapi;
  if (raw === undefined) return notOpenapi('the document has no `openapi` field');
  const text = typeof raw === 'number' ? String(raw) : raw;
  if (typeof text === 'string') {
    if (/^3\.0(\.\d+)?(-[\w.]+)?$/.test(text)) return { version: '3.0' };
    if (/^3\.1(\.\d+)?(-[\w.]+)?$/.test(text)) return { version: '3.1' };
  }
  return {
    diagnostic: {
      code: 'openapi-version-unsupported',
      severity: 'error',
      message: `openapi version ${JSON.stringify(raw)} is not supported; idemgen reads 3.0.x and 3.1.x`,
      pointer: '/openapi',
      hint:
        typeof raw === 'number'
          ? 'Quote the version so YAML keeps it a string: `openapi: "3.0.3"`.'
          : 'Set `openapi: 3.1.0` (or 3.0.3) and check that the document follows that version.',
    },
  };
}

function notOpenapi(message: string): VersionCheck {
  return {
    diagnostic: {
      code: 'not-openapi',
      severity: 'error',
      message: `not an OpenAPI document: ${message}`,
      pointer: '',
      hint: 'Start the document with `openapi: 3.1.0`, then `info` and `paths`.',
    },
  };
}
