import { resolve } from 'node:path';
import { isNonNullType, isObjectType, type GraphQLSchema } from 'graphql';
import ts from 'typescript';

/**
 * Generated resolver types check every resolver against the SDL, but not the fields a resolver
 * leaves to graphql-js's default resolver: those are read straight off the mapped record, and a
 * record without the field yields null (or an error for a non-null field) only at run time. This
 * lists every such field the mapped TypeScript type does not have, as `Type.field`, and every
 * non-null one it may leave null or undefined.
 *
 * `mappers` are the ones the service gives `resolverTypesConfig`, relative to `generatedDir`
 * (`'../documents/documents.model.js#DocumentRecord'`, `'…#Name as Alias'`).
 */
export function fieldsMissingFromMappedTypes(
  schema: GraphQLSchema,
  mappers: Record<string, string>,
  generatedDir: string,
): string[] {
  const targets = Object.entries(mappers).map(([typeName, mapper]) => {
    const [modulePath = '', exported = ''] = mapper.split('#');
    return {
      typeName,
      file: resolve(generatedDir, modulePath.replace(/\.js$/, '.ts')),
      exportName: exported.split(/\s+as\s+/)[0]!.trim(),
    };
  });
  const program = ts.createProgram({
    rootNames: [...new Set(targets.map((t) => t.file))],
    options: {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      skipLibCheck: true,
      noEmit: true,
    },
  });
  const checker = program.getTypeChecker();

  const missing: string[] = [];
  for (const { typeName, file, exportName } of targets) {
    const graphqlType = schema.getType(typeName);
    if (!isObjectType(graphqlType)) {
      throw new Error(`The mapper for ${typeName} names no object type of the schema`);
    }
    const properties = propertiesOf(checker, program, file, exportName);
    for (const field of Object.values(graphqlType.getFields())) {
      if (field.resolve !== undefined) continue;
      const property = properties.get(field.name);
      if (!property) missing.push(`${typeName}.${field.name}`);
      else if (isNonNullType(field.type) && mayBeAbsent(checker, property)) {
        missing.push(`${typeName}.${field.name} (non-null in the SDL, may be null or undefined)`);
      }
    }
  }
  return missing;
}

function propertiesOf(
  checker: ts.TypeChecker,
  program: ts.Program,
  file: string,
  exportName: string,
): Map<string, ts.Symbol> {
  const source = program.getSourceFile(file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`Cannot read the mapper module ${file}`);
  const exported = checker.getExportsOfModule(moduleSymbol).find((s) => s.name === exportName);
  if (!exported) throw new Error(`${exportName} is not exported by ${file}`);
  const symbol =
    exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  // Of a union, only the properties every member has: a field must be there whatever the parent.
  return new Map(
    checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol)).map((p) => [p.name, p]),
  );
}

function mayBeAbsent(checker: ts.TypeChecker, property: ts.Symbol): boolean {
  if (property.flags & ts.SymbolFlags.Optional) return true;
  const type = checker.getTypeOfSymbol(property);
  const parts = type.isUnion() ? type.types : [type];
  return parts.some(
    (part) => (part.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Any)) !== 0,
  );
}
