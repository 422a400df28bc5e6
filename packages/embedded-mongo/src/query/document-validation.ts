import { Ajv, type ValidateFunction } from 'ajv';
import type { Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';
import { createQuery } from './mingo-options.js';
import { bsonTypeMatches } from './comparison-operators.js';

/**
 * A collection's schema validation, as mongod 8.0 applies it: the `validator` is a query
 * filter (with `$jsonSchema` for JSON Schema draft 4 plus `bsonType`, checked by ajv) that every
 * inserted or updated document must match. `validationLevel: "moderate"` leaves updates of
 * documents that already failed alone, `"off"` checks nothing, and `validationAction: "warn"`
 * lets the write through. A failure is DocumentValidationFailure (121) with `errInfo`.
 */
export type ValidationOptions = {
  validator?: Document;
  validationLevel?: string;
  validationAction?: string;
};

const LEVELS = new Set(['off', 'strict', 'moderate']);
const ACTIONS = new Set(['error', 'warn', 'errorAndLog']);

/** Refuses validation options mongod would refuse, before they are stored. */
export function assertValidValidationOptions(options: ValidationOptions): void {
  const { validator, validationLevel, validationAction } = options;
  if (
    validator !== undefined &&
    (validator === null || typeof validator !== 'object' || Array.isArray(validator))
  )
    throw new MongoCommandError('TypeMismatch', "BSON field 'validator' must be an object");
  if (validationLevel !== undefined && !LEVELS.has(validationLevel))
    throw new MongoCommandError(
      'BadValue',
      `Enumeration value '${String(validationLevel)}' for field 'validationLevel' is not a valid value.`,
    );
  if (validationAction !== undefined && !ACTIONS.has(validationAction))
    throw new MongoCommandError(
      'BadValue',
      `Enumeration value '${String(validationAction)}' for field 'validationAction' is not a valid value.`,
    );
  if (validator) compiledValidator(validator);
}

/**
 * Throws DocumentValidationFailure when `after` breaks the collection's validator. `before` is
 * the document an update replaces (undefined for an insert).
 */
export function assertDocumentValid(
  options: ValidationOptions,
  after: Document,
  before: Document | undefined,
): void {
  const { validator } = options;
  if (!validator || Object.keys(validator).length === 0) return;
  const level = options.validationLevel ?? 'strict';
  if (level === 'off') return;
  const test = compiledValidator(validator);
  if (test(after)) return;
  if (level === 'moderate' && before !== undefined && !test(before)) return;
  if (options.validationAction === 'warn') return;
  throw new MongoCommandError('DocumentValidationFailure', 'Document failed validation', {
    extra: {
      errInfo: {
        failingDocumentId: after._id,
        details: {
          operatorName: Object.keys(validator).length === 1 ? Object.keys(validator)[0] : '$and',
          specifiedAs: validator,
          reason: 'the document does not match the collection validator',
        },
      },
    },
  });
}

const compiled = new WeakMap<Document, (doc: Document) => boolean>();

function compiledValidator(validator: Document): (doc: Document) => boolean {
  let test = compiled.get(validator);
  if (!test) {
    try {
      const query = createQuery(validator, undefined, jsonSchemaValidator);
      test = (doc) => query.test(doc);
    } catch (error) {
      throw new MongoCommandError(
        'BadValue',
        `invalid validator: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    compiled.set(validator, test);
  }
  return test;
}

const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: true });
ajv.addKeyword({
  keyword: 'bsonType',
  validate: (type: string | string[], value: unknown) =>
    (Array.isArray(type) ? type : [type]).some((t) => bsonTypeMatches(value, t)),
  errors: false,
});

/** mingo's `$jsonSchema` hook: a JSON Schema compiled once by ajv. */
function jsonSchemaValidator(schema: Document): (doc: Document) => boolean {
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    throw new MongoCommandError(
      'BadValue',
      `invalid $jsonSchema: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return (doc) => validate(doc) === true;
}
