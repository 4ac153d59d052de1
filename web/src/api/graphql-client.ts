import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** A failed GraphQL request, with the server's message made readable for the page. */
export class ApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphqlResponse<T> {
  data?: T | null;
  errors?: { message: string }[];
}

// Documents without variables may be sent without them; the rest must pass exactly their type.
type VariablesArg<V> = [V] extends [Record<string, never>] ? [variables?: V] : [variables: V];

/** POSTs one typed operation to the API on the same origin and returns its typed `data`. */
export async function graphqlRequest<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  ...[variables]: VariablesArg<TVariables>
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: print(document), variables }),
    });
  } catch {
    throw new ApiError('The server cannot be reached. Check that it is running, then retry.');
  }
  const body = (await response.json().catch(() => null)) as GraphqlResponse<TResult> | null;
  if (body?.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '));
  if (!response.ok || !body?.data)
    throw new ApiError(`The server answered ${response.status} ${response.statusText}.`.trim());
  return body.data;
}
