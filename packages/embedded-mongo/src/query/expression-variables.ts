import type { Document } from 'bson';

/**
 * mongod resolves every `$$name` in a filter's `$expr` when it parses the filter, so a query
 * naming a variable that neither `let` nor an enclosing `$let`/`$map`/`$filter`/`$reduce`
 * defines fails at once (error 17276) — also when no document is examined, and as a
 * statement's write error in a write command. mingo only notices when it evaluates the
 * expression on a document.
 */
export function undefinedVariableIn(filter: Document, variables?: Document): string | undefined {
  const scope = new Set(variables ? Object.keys(variables) : []);
  return inMatchExpression(filter, scope);
}

function inMatchExpression(filter: Document, scope: Set<string>): string | undefined {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$expr') {
      const missing = inExpression(value, scope);
      if (missing) return missing;
    } else if ((key === '$and' || key === '$or' || key === '$nor') && Array.isArray(value)) {
      for (const clause of value as unknown[]) {
        if (!isPlainObject(clause)) continue;
        const missing = inMatchExpression(clause, scope);
        if (missing) return missing;
      }
    }
  }
  return undefined;
}

function inExpression(expr: unknown, scope: Set<string>): string | undefined {
  if (typeof expr === 'string') return expr.startsWith('$$') ? unbound(expr, scope) : undefined;
  if (Array.isArray(expr)) return first(expr, (e) => inExpression(e, scope));
  if (!isPlainObject(expr)) return undefined;
  const entries = Object.entries(expr);
  if (entries.length === 1) {
    const [op, arg] = entries[0]!;
    if (op === '$literal') return undefined;
    if (isPlainObject(arg)) {
      if (op === '$let') {
        const vars = isPlainObject(arg.vars) ? arg.vars : {};
        return (
          first(Object.values(vars), (v) => inExpression(v, scope)) ??
          inExpression(arg.in, withNames(scope, Object.keys(vars)))
        );
      }
      if (op === '$map' || op === '$filter') {
        const name = typeof arg.as === 'string' ? arg.as : 'this';
        const inner = withNames(scope, [name]);
        return (
          inExpression(arg.input, scope) ??
          inExpression(arg.limit, scope) ??
          inExpression(op === '$map' ? arg.in : arg.cond, inner)
        );
      }
      if (op === '$reduce') {
        return (
          inExpression(arg.input, scope) ??
          inExpression(arg.initialValue, scope) ??
          inExpression(arg.in, withNames(scope, ['value', 'this']))
        );
      }
    }
  }
  return first(
    entries.map(([, v]) => v),
    (v) => inExpression(v, scope),
  );
}

/** The variable's name when it is unbound; system variables ($$ROOT, $$NOW…) are upper case. */
function unbound(reference: string, scope: Set<string>): string | undefined {
  const name = reference.slice(2).split('.')[0]!;
  if (name === '' || /^[A-Z]/.test(name) || scope.has(name)) return undefined;
  return name;
}

function withNames(scope: Set<string>, names: string[]): Set<string> {
  return new Set([...scope, ...names]);
}

function first<T>(items: T[], find: (item: T) => string | undefined): string | undefined {
  for (const item of items) {
    const found = find(item);
    if (found) return found;
  }
  return undefined;
}

function isPlainObject(v: unknown): v is Document {
  return (
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    (v as { _bsontype?: string })._bsontype === undefined &&
    !(v instanceof Date) &&
    !(v instanceof RegExp)
  );
}
