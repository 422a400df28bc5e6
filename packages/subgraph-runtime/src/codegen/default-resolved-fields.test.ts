import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fieldsMissingFromMappedTypes } from './default-resolved-fields.js';

// Each call builds a TypeScript program (a second or two, more on a loaded machine).
describe('fieldsMissingFromMappedTypes', { timeout: 60_000 }, () => {
  // A service's layout in miniature: the mapped module beside a `generated/` folder.
  const dir = mkdtempSync(join(tmpdir(), 'heli-mapped-'));
  writeFileSync(
    join(dir, 'book.model.ts'),
    [
      'export interface BookRecord { _id: string; title: string; shelfId: string }',
      'export interface DraftRecord { title: string | null; isbn?: string; notes: string | null }',
      'export type Loan = { bookId: string; dueAt: Date } | { bookId: string; returnedAt: Date };',
    ].join('\n'),
  );
  const generatedDir = join(dir, 'generated');

  const schema = buildSchema(`
    type Query { book: Book }
    type Book { id: ID! title: String! shelf: String! year: Int }
    type Loan { bookId: ID! dueAt: String }
    type Draft { title: String! isbn: String! notes: String }
  `);
  // Given: `Book.id` has a resolver (from `_id`); `year` is left to the default resolver.
  (schema.getType('Book') as GraphQLObjectType).getFields()['id']!.resolve = (b: { _id: string }) =>
    b._id;
  const shelfField = (schema.getType('Book') as GraphQLObjectType).getFields()['shelf']!;

  it('names a default-resolved field the record lacks, and not one with a resolver', () => {
    shelfField.resolve = () => 'A';
    expect(
      fieldsMissingFromMappedTypes(
        schema,
        { Book: '../book.model.js#BookRecord as BookModel' },
        generatedDir,
      ),
    ).toEqual(['Book.year']);
  });

  it('counts only the properties every member of a union has', () => {
    expect(
      fieldsMissingFromMappedTypes(schema, { Loan: '../book.model.js#Loan' }, generatedDir),
    ).toEqual(['Loan.dueAt']);
  });

  it('names a non-null field the record may leave null or undefined', () => {
    expect(
      fieldsMissingFromMappedTypes(schema, { Draft: '../book.model.js#DraftRecord' }, generatedDir),
    ).toEqual([
      'Draft.title (non-null in the SDL, may be null or undefined)',
      'Draft.isbn (non-null in the SDL, may be null or undefined)',
    ]);
  });

  it('fails clearly on a mapper that names nothing exported', () => {
    expect(() =>
      fieldsMissingFromMappedTypes(schema, { Book: '../book.model.js#Nope' }, generatedDir),
    ).toThrow(/Nope is not exported/);
  });
});
