import {
  Kind,
  type ConstArgumentNode,
  type ConstDirectiveNode,
  type ConstValueNode,
  type DefinitionNode,
  type DocumentNode,
  type SchemaExtensionNode,
} from 'graphql';

/**
 * Joins a subgraph's per-feature SDL documents into one.
 *
 * Every feature file opens with its own `extend schema @link(url: ".../federation/v2.x",
 * import: [...])` so that it reads on its own, but a schema may link a spec only once
 * (`buildSubgraphSchema` rejects "Cannot link feature ... since it has already been linked").
 * So the @links are lifted out of the documents and replaced by one per spec: the highest
 * version any file asks for, importing the union of what the files import.
 */
export function mergeTypeDefs(documents: readonly DocumentNode[]): DocumentNode {
  const links = new Map<string, LinkedSpec>();
  const definitions: DefinitionNode[] = [];

  for (const document of documents) {
    for (const definition of document.definitions) {
      if (!isSchemaWithDirectives(definition)) {
        definitions.push(definition);
        continue;
      }
      const otherDirectives: ConstDirectiveNode[] = [];
      for (const directive of definition.directives ?? []) {
        if (directive.name.value === 'link') addLink(links, directive);
        else otherDirectives.push(directive);
      }
      const keepsSomething =
        otherDirectives.length > 0 || (definition.operationTypes?.length ?? 0) > 0;
      if (keepsSomething) definitions.push({ ...definition, directives: otherDirectives });
    }
  }

  if (links.size === 0) return { kind: Kind.DOCUMENT, definitions };
  const linkExtension: SchemaExtensionNode = {
    kind: Kind.SCHEMA_EXTENSION,
    directives: [...links.values()].map(toLinkDirective),
  };
  return { kind: Kind.DOCUMENT, definitions: [linkExtension, ...definitions] };
}

interface LinkedSpec {
  /** The URL without its version, e.g. `https://specs.apollo.dev/federation`. */
  identity: string;
  version: readonly number[];
  url: string;
  /** Imports keyed by their printed form, so `"@key"` listed by two files appears once. */
  imports: Map<string, ConstValueNode>;
  /** Arguments other than url and import (e.g. `as`, `for`), as the first file wrote them. */
  otherArguments: readonly ConstArgumentNode[];
}

function isSchemaWithDirectives(definition: DefinitionNode) {
  return definition.kind === Kind.SCHEMA_EXTENSION || definition.kind === Kind.SCHEMA_DEFINITION;
}

function addLink(links: Map<string, LinkedSpec>, directive: ConstDirectiveNode): void {
  const args = directive.arguments ?? [];
  const urlValue = args.find((a) => a.name.value === 'url')?.value;
  if (urlValue?.kind !== Kind.STRING) {
    throw new Error('@link needs a string `url` argument');
  }
  const { identity, version } = parseSpecUrl(urlValue.value);
  const importValue = args.find((a) => a.name.value === 'import')?.value;
  const imports =
    importValue === undefined
      ? []
      : importValue.kind === Kind.LIST
        ? importValue.values
        : [importValue];
  const otherArguments = args.filter((a) => a.name.value !== 'url' && a.name.value !== 'import');

  let spec = links.get(identity);
  if (!spec) {
    spec = { identity, version, url: urlValue.value, imports: new Map(), otherArguments };
    links.set(identity, spec);
  } else if (compareVersions(version, spec.version) > 0) {
    spec.version = version;
    spec.url = urlValue.value;
  }
  for (const value of imports) spec.imports.set(importKey(value), value);
}

function toLinkDirective(spec: LinkedSpec): ConstDirectiveNode {
  const args: ConstArgumentNode[] = [
    argument('url', { kind: Kind.STRING, value: spec.url }),
    ...spec.otherArguments,
  ];
  if (spec.imports.size > 0) {
    args.push(argument('import', { kind: Kind.LIST, values: [...spec.imports.values()] }));
  }
  return { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: 'link' }, arguments: args };
}

function argument(name: string, value: ConstValueNode): ConstArgumentNode {
  return { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: name }, value };
}

/** `https://specs.apollo.dev/federation/v2.10` → identity `.../federation`, version [2, 10]. */
function parseSpecUrl(url: string): { identity: string; version: number[] } {
  const match = /^(.*)\/v(\d+)\.(\d+)\/?$/.exec(url);
  if (!match) return { identity: url, version: [] };
  return { identity: match[1] ?? url, version: [Number(match[2]), Number(match[3])] };
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

// An import is either "@key" or { name: "@key", as: "@primaryKey" }; without `as` both mean
// the same and must count as one import.
function importKey(value: ConstValueNode): string {
  if (value.kind === Kind.STRING) return value.value;
  if (value.kind === Kind.OBJECT) {
    const field = (name: string) => {
      const found = value.fields.find((f) => f.name.value === name)?.value;
      return found?.kind === Kind.STRING ? found.value : undefined;
    };
    const name = field('name') ?? '';
    const alias = field('as');
    return alias === undefined || alias === name ? name : `${name} as ${alias}`;
  }
  return JSON.stringify(value);
}
