import type { ApiClient } from './http';
import type {
  Account, AccountRequest, InvitationInfo, Page, ProfileRequest, SessionInfo, SessionView,
} from './types';

export function identityApi(c: ApiClient) {
  /** Every answer that opens a session carries the CSRF token for the requests after it. */
  const adopt = (s: SessionView): SessionView => {
    c.setCsrfToken(s.csrfToken);
    return s;
  };
  return {
    setupStatus: () => c.get<{ setupRequired: boolean }>('/api/v1/setup'),
    setUp: (setupToken: string, administrator: AccountRequest) =>
      c.post<SessionView>('/api/v1/setup', { setupToken, administrator }).then(adopt),
    login: (username: string, password: string) =>
      c.post<SessionView>('/api/v1/session', { username, password }).then(adopt),
    currentSession: () => c.get<SessionView>('/api/v1/session').then(adopt),
    logout: async () => {
      await c.delete('/api/v1/session');
      c.setCsrfToken(null);
    },
    me: () => c.get<Account>('/api/v1/me'),
    updateProfile: (changes: ProfileRequest) => c.patch<Account>('/api/v1/me', changes),
    changePassword: (currentPassword: string, newPassword: string) =>
      c.put<void>('/api/v1/me/password', { currentPassword, newPassword }),
    sessions: () => c.get<SessionInfo[]>('/api/v1/me/sessions'),
    endSession: (id: string) => c.delete(`/api/v1/me/sessions/${encodeURIComponent(id)}`),
    invitation: (token: string) => c.get<InvitationInfo>(`/api/v1/invitations/by-token/${encodeURIComponent(token)}`),
    acceptInvitation: (token: string, account: AccountRequest) =>
      c.post<SessionView>(`/api/v1/invitations/by-token/${encodeURIComponent(token)}/accept`, account).then(adopt),
    invite: (email?: string) => c.post<InvitationInfo>('/api/v1/invitations', email ? { email } : {}),
    people: (query?: string, cursor?: string, limit?: number) =>
      c.get<Page<Account>>('/api/v1/people', { query, cursor, limit }),
    person: (id: string) => c.get<Account>(`/api/v1/people/${encodeURIComponent(id)}`),
  };
}

export type IdentityApi = ReturnType<typeof identityApi>;
