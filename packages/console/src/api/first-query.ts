import type { ApolloLink } from '@apollo/client/link';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  Kind,
  print,
  visit,
  type DocumentNode,
  type FormattedExecutionResult,
  type OperationDefinitionNode,
} from 'graphql';
import { Observable } from 'rxjs';

/**
 * The first page's query, sent before the console's code has loaded (docs/adr/009, "first paint").
 * Without it the request would wait for the whole bundle to load and React to render the page —
 * a waterfall that, on a busy machine, cost more than the query itself. `start` sends it from the
 * console's first, small script; `firstQueryLink` hands its answer to the page's own query when
 * that asks the same (operation and variables), once. Any other outcome (a failure, a refusal, a
 * different question) falls through to the ordinary request, which retries and reports as usual.
 *
 * This module is part of the first script, so it uses graphql-js only (its own small chunk), not
 * Apollo Client (whose chunk brings React).
 */
interface Pending {
  operationName: string;
  variables: string;
  answer: Promise<FormattedExecutionResult | undefined>;
}

let pending: Pending | undefined;

const variablesKey = (variables: Record<string, unknown> | undefined) =>
  JSON.stringify(variables ?? {});

export function startFirstQuery<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  token: string,
  variables?: TVariables,
): void {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  );
  if (!operation?.name) return;
  const query = print(withTypenames(document));
  const answer = fetch('/graphql', {
    method: 'POST',
    headers: {
      accept: 'application/graphql-response+json,application/json;q=0.9',
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({
      operationName: operation.name.value,
      query,
      variables: variables ?? {},
    }),
  })
    .then(async (response) =>
      response.ok ? ((await response.json()) as FormattedExecutionResult) : undefined,
    )
    .catch(() => undefined);
  pending = { operationName: operation.name.value, variables: variablesKey(variables), answer };
}

/**
 * The document with __typename in every object's selection, as Apollo's cache adds it before
 * sending (it keys objects and applies type policies by it): the early answer must carry it too.
 */
export function withTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet(node, _key, parent) {
      const isRoot =
        parent !== undefined &&
        !Array.isArray(parent) &&
        (parent as { kind?: string }).kind === Kind.OPERATION_DEFINITION;
      const hasTypename = node.selections.some(
        (s) => s.kind === Kind.FIELD && s.name.value === '__typename',
      );
      if (isRoot || hasTypename) return undefined;
      return {
        ...node,
        selections: [
          ...node.selections,
          { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } },
        ],
      };
    },
  });
}

/** The early answer for this operation, if it is the one sent early and not yet taken. */
function takeFirstAnswer(
  operationName: string | undefined,
  variables: Record<string, unknown>,
): Promise<FormattedExecutionResult | undefined> | undefined {
  if (!pending || pending.operationName !== operationName) return undefined;
  if (pending.variables !== variablesKey(variables)) return undefined;
  const { answer } = pending;
  pending = undefined;
  return answer;
}

/** Put just before the HTTP link: the links above it see the early answer as any other. */
export const firstQueryLink: ApolloLink.RequestHandler = (operation, forward) => {
  const answer = takeFirstAnswer(operation.operationName, operation.variables);
  if (!answer) return forward(operation);
  return new Observable<ApolloLink.Result>((subscriber) => {
    let forwarded: { unsubscribe(): void } | undefined;
    void answer.then((result) => {
      if (subscriber.closed) return;
      if (result && ('data' in result || 'errors' in result)) {
        subscriber.next(result as ApolloLink.Result);
        subscriber.complete();
      } else {
        forwarded = forward(operation).subscribe(subscriber);
      }
    });
    return () => forwarded?.unsubscribe();
  });
};
