import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { announceUnauthenticated, ApiError, errorKind, type ServedError } from './api-error';
import { csrfHeaders } from './csrf';

export { ApiError } from './api-error';

interface GraphqlResponse<T> {
  data?: T | null;
  errors?: ServedError[];
}

// Documents without variables may be sent without them; the rest must pass exactly their type.
type VariablesArg<V> = [V] extends [Record<string, never>] ? [variables?: V] : [variables: V];

/** POSTs one typed operation to the API on the same origin and returns its typed `data`. */
export async function graphqlRequest<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  ...[variables]: VariablesArg<TVariables>
): Promise<TResult> {
  return postGraphql<TResult>(print(document), variables);
}

/**
 * POSTs a query given as text. Only for operations whose fields are in the API contract but not yet
 * in api/schema.gql (codegen cannot type them); the caller states the result type.
 */
export async function postGraphql<TResult>(query: string, variables?: unknown): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...csrfHeaders() },
      credentials: 'same-origin',
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('The server cannot be reached. Check that it is running, then retry.');
  }
  const body = (await response.json().catch(() => null)) as GraphqlResponse<TResult> | null;
  const errors = body?.errors ?? [];
  const kind = errorKind(response.status, errors);
  if (kind === 'unauthenticated') {
    announceUnauthenticated();
    throw new ApiError('Sign in to continue.', kind, response.status);
  }
  if (kind === 'forbidden') throw new ApiError('Your role may not see this.', kind, response.status);
  if (errors.length) throw new ApiError(errors.map((e) => e.message).join('; '), kind, response.status);
  if (!response.ok || !body?.data)
    throw new ApiError(`The server answered ${response.status} ${response.statusText}.`.trim(), kind, response.status);
  return body.data;
}
