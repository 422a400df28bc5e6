import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';

// C0 controls other than tab, line feed and carriage return, and DEL: no person types them, and a
// NUL cuts the text short in many a tool downstream (exports, the search index, logs).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored as text, or null: a control character or half a UTF-16 pair. */
export function unstorableTextProblem(value: string): string | null {
  if (CONTROL_CHARACTER.test(value)) return '含有控制字符（如 NUL）';
  if (LONE_SURROGATE.test(value)) return '含有不完整的 Unicode 字符（孤立的代理项）';
  return null;
}

/**
 * Refuses, before any resolver runs, a request whose variables or written-in string arguments hold
 * text that cannot be stored: control characters or lone surrogates. Every service stores what it
 * is given; checking each input field in each service would miss the next one added.
 */
export function unstorableTextPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const problem = firstProblemIn(request.variables) ?? firstLiteralProblem(document);
          if (problem) {
            throw new GraphQLError(`输入的文字${problem}，无法保存，请删除后重试`, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

function firstProblemIn(value: unknown): string | null {
  if (typeof value === 'string') return unstorableTextProblem(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = firstProblemIn(item);
      if (problem) return problem;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const problem = unstorableTextProblem(key) ?? firstProblemIn(item);
      if (problem) return problem;
    }
  }
  return null;
}

// Apollo hands the same DocumentNode for the same query text, so literals are checked once.
const literalProblems = new WeakMap<DocumentNode, string | null>();

function firstLiteralProblem(document: DocumentNode): string | null {
  const known = literalProblems.get(document);
  if (known !== undefined) return known;
  let found: string | null = null;
  visit(document, {
    [Kind.STRING](node) {
      found ??= unstorableTextProblem(node.value);
    },
  });
  literalProblems.set(document, found);
  return found;
}
