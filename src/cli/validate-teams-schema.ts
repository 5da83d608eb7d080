/** Validates documents against the Teams manifest JSON schemas shipped in @microsoft/app-manifest (no network). */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The Teams schemas are JSON Schema draft-04: ajv-draft-04 (CommonJS with a default export) reads them.
interface SchemaCheck {
  (data: unknown): boolean;
  errors?: Array<{ instancePath: string; message?: string }> | null;
}
interface Validator {
  compile(schema: object): SchemaCheck;
}
const require = createRequire(import.meta.url);
const { default: Ajv } = require('ajv-draft-04') as { default: new (options: object) => Validator };
const { default: addFormats } = require('ajv-formats') as { default: (ajv: Validator) => void };
export const SCHEMAS = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build/json-schemas/teams/v1.24',
);

/** Returns the schema errors of `document` as "file: path message" lines (empty when valid). */
export function validateAgainstTeamsSchema(schemaFile: string, document: unknown): string[] {
  // The Teams schemas use patterns that are not valid in Unicode mode.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const check = ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, schemaFile), 'utf8')) as object);
  return check(document)
    ? []
    : (check.errors ?? []).map(
        (error) => `${schemaFile}: ${error.instancePath || '/'} ${error.message ?? 'is invalid'}`,
      );
}
