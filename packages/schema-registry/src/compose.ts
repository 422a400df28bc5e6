import { createHash } from 'node:crypto';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { parse, type GraphQLError, type GraphQLSchema } from 'graphql';

export interface SubgraphInput {
  name: string;
  url: string;
  sdl: string;
}

export interface Problem {
  code: string;
  message: string;
}

export type Composition =
  { ok: true; supergraphSdl: string; hints: Problem[] } | { ok: false; errors: Problem[] };

/** Composes subgraphs with Apollo's composition, returning every error rather than the first. */
export function composeSubgraphs(subgraphs: readonly SubgraphInput[]): Composition {
  const errors: Problem[] = [];
  const services = subgraphs.flatMap(({ name, url, sdl }) => {
    try {
      return [{ name, url, typeDefs: parse(sdl) }];
    } catch (error) {
      errors.push({ code: 'INVALID_GRAPHQL', message: `[${name}] ${messageOf(error)}` });
      return [];
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  const result = composeServices(services);
  if (result.errors) {
    return {
      ok: false,
      errors: result.errors.map((e) => ({ code: codeOf(e), message: e.message })),
    };
  }
  return {
    ok: true,
    supergraphSdl: result.supergraphSdl,
    hints: result.hints.map((hint) => ({ code: hint.definition.code, message: hint.message })),
  };
}

/** The schema clients see (federation machinery removed), as graphql-js builds it. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

export function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function codeOf(error: GraphQLError): string {
  const code = error.extensions.code;
  return typeof code === 'string' ? code : 'COMPOSITION_ERROR';
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
