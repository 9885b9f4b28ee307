// Compiles each operation's input schema, and the schema of its 2xx body, into standalone Ajv code (JSON Schema
// 2020-12, as OpenAPI 3.1 uses), so that validation at run time needs no schema compiler and no eval.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { fastFormats } from 'ajv-formats/dist/formats.js';
import type { OperationModel } from './spec-model.js';

export function emitValidators(operations: OperationModel[]): string {
  const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({
    code: { source: true, esm: true, lines: true },
    allErrors: true,
    strict: true,
    // Count string length in UTF-16 code units, as the vendors' (.NET) servers do, and avoid a runtime helper.
    unicode: false,
    verbose: true,
    logger: false,
  });
  (addFormats as unknown as typeof addFormats.default)(ajv);
  // The full `date-time` check is a function Ajv can only reach through a runtime require; its regex form
  // (RFC 3339 shape, zone required) compiles to plain code.
  ajv.addFormat('date-time', (fastFormats['date-time'] as { validate: RegExp }).validate);
  // OpenAPI's numeric formats say how wide a number is stored, not what it may be: a JSON `number` already fits.
  for (const format of OPENAPI_NUMBER_FORMATS) ajv.addFormat(format, true);
  const exports: Record<string, string> = {};
  for (const op of operations) {
    ajv.addSchema(op.inputSchema, op.id);
    exports[`validate_${op.id}`] = op.id;
    if (op.successSchema) {
      ajv.addSchema(op.successSchema, `${op.id}.response`);
      exports[`validateResponse_${op.id}`] = `${op.id}.response`;
    }
  }
  const code = (standaloneCode as unknown as typeof standaloneCode.default)(ajv, exports);
  const leftover = code.match(/require\([^)]*\)/g);
  if (leftover) {
    // A runtime require would make the package depend on Ajv: choose schema keywords that compile to plain code.
    throw new Error(`generated validators need runtime helpers ${leftover.join(', ')}; adjust the schema`);
  }
  return `// @ts-nocheck -- Ajv standalone output\n${code.replace(/^"use strict";\n?/, '')}\n`;
}

const OPENAPI_NUMBER_FORMATS = ['double', 'float'];
