import type { ApiClient } from './http';
import type { MemberInfo, Page, SpaceInfo, SpaceKind } from './types';

export function spacesApi(c: ApiClient) {
  return {
    create: (name: string, description: string, kind: SpaceKind) =>
      c.post<SpaceInfo>('/api/v1/spaces', { name, description: description || null, kind }),
    browse: (query?: string, cursor?: string, limit = 30) =>
      c.get<Page<SpaceInfo>>('/api/v1/spaces', { query, cursor, limit }),
    mine: () => c.get<SpaceInfo[]>('/api/v1/me/spaces'),
    get: (id: string) => c.get<SpaceInfo>(`/api/v1/spaces/${id}`),
    join: (id: string) => c.put<SpaceInfo>(`/api/v1/spaces/${id}/membership`),
    leave: (id: string) => c.delete(`/api/v1/spaces/${id}/membership`),
    members: (id: string, cursor?: string, limit = 50) =>
      c.get<Page<MemberInfo>>(`/api/v1/spaces/${id}/members`, { cursor, limit }),
  };
}

export type SpacesApi = ReturnType<typeof spacesApi>;
