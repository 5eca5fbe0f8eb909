import { ApiClient } from './http';
import { chatApi } from './chat';
import { identityApi } from './identity';
import { searchApi } from './search';
import { spacesApi } from './spaces';

export const client = new ApiClient();

export const api = {
  identity: identityApi(client),
  spaces: spacesApi(client),
  chat: chatApi(client),
  search: searchApi(client),
};

export { ApiClient, ApiError, isApiError, newIdempotencyKey } from './http';
export type * from './types';
