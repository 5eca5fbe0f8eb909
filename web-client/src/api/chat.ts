import type { ApiClient } from './http';
import type { ConversationView, EditView, HistoryView, MessageView, PostMessageRequest } from './types';

export interface HistoryQuery {
  before?: string;
  after?: string;
  around?: string;
  limit?: number;
}

export function chatApi(c: ApiClient) {
  const emoji = (e: string) => encodeURIComponent(e);
  return {
    conversations: () => c.get<ConversationView[]>('/api/v1/conversations'),
    conversation: (id: string) => c.get<ConversationView>(`/api/v1/conversations/${id}`),
    direct: (personId: string) => c.post<ConversationView>('/api/v1/conversations/direct', { personId }),
    group: (personIds: string[], title?: string) =>
      c.post<ConversationView>('/api/v1/conversations/group', { personIds, title: title || null }),
    channel: (spaceId: string) => c.get<ConversationView>(`/api/v1/spaces/${spaceId}/conversation`),
    history: (conversationId: string, q: HistoryQuery = {}) =>
      c.get<HistoryView>(`/api/v1/conversations/${conversationId}/messages`, { ...q }),
    post: (conversationId: string, request: PostMessageRequest) =>
      c.post<MessageView>(`/api/v1/conversations/${conversationId}/messages`, request),
    message: (id: string) => c.get<MessageView>(`/api/v1/messages/${id}`),
    replies: (id: string, after?: string, limit = 100) =>
      c.get<HistoryView>(`/api/v1/messages/${id}/replies`, { after, limit }),
    edits: (id: string) => c.get<EditView[]>(`/api/v1/messages/${id}/edits`),
    edit: (id: string, body: string) => c.patch<MessageView>(`/api/v1/messages/${id}`, { body }),
    remove: (id: string) => c.delete(`/api/v1/messages/${id}`),
    react: (id: string, e: string) => c.put<MessageView>(`/api/v1/messages/${id}/reactions/${emoji(e)}`),
    unreact: (id: string, e: string) => c.delete<MessageView>(`/api/v1/messages/${id}/reactions/${emoji(e)}`),
    pin: (id: string) => c.put<MessageView>(`/api/v1/messages/${id}/pin`),
    unpin: (id: string) => c.delete<MessageView>(`/api/v1/messages/${id}/pin`),
    pins: (conversationId: string) => c.get<MessageView[]>(`/api/v1/conversations/${conversationId}/pins`),
    markRead: (conversationId: string, messageId: string) =>
      c.put<ConversationView>(`/api/v1/conversations/${conversationId}/read-position`, { messageId }),
    preferences: (conversationId: string, prefs: { muted?: boolean; starred?: boolean }) =>
      c.put<ConversationView>(`/api/v1/conversations/${conversationId}/preferences`, prefs),
  };
}

export type ChatApi = ReturnType<typeof chatApi>;
