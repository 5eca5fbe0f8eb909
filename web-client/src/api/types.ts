// Shapes of the server's JSON, as the records under de.querfunk.*.api and their views produce them.

export type Uuid = string;
export type Instant = string;
export type Language = 'de' | 'en';

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  errorId?: string;
}

export interface Account {
  id: Uuid;
  username: string;
  displayName: string;
  email: string;
  language: Language;
  timeZone: string;
  administrator: boolean;
  active: boolean;
  createdAt: Instant;
}

export interface SessionView {
  person: Account;
  csrfToken: string;
  expiresAt?: Instant | null;
}

export interface SessionInfo {
  id: Uuid;
  current: boolean;
  userAgent?: string | null;
  createdAt: Instant;
  lastSeenAt?: Instant | null;
  expiresAt: Instant;
}

export interface InvitationInfo {
  id: Uuid;
  email?: string;
  createdAt: Instant;
  expiresAt: Instant;
  token?: string;
  url?: string;
}

export interface AccountRequest {
  username: string;
  displayName: string;
  email: string;
  password: string;
  language: Language;
  timeZone: string;
}

export interface ProfileRequest {
  displayName?: string;
  email?: string;
  language?: Language;
  timeZone?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

export type SpaceKind = 'open' | 'closed' | 'announcement';
export type SpaceRole = 'member' | 'moderator';

export interface SpaceInfo {
  id: Uuid;
  name: string;
  description?: string | null;
  kind: SpaceKind;
  archived: boolean;
  createdBy: Uuid;
  createdAt: Instant;
  updatedAt: Instant;
  memberCount: number;
  myRole?: SpaceRole | null;
  canPost: boolean;
  canModerate: boolean;
  canJoin: boolean;
}

export interface MemberInfo {
  personId: Uuid;
  username: string;
  displayName: string;
  active: boolean;
  role: SpaceRole;
  joinedAt: Instant;
}

export type ConversationKind = 'channel' | 'direct' | 'group';

export interface ConversationView {
  id: Uuid;
  kind: ConversationKind;
  spaceId?: Uuid;
  title?: string;
  participantIds?: Uuid[];
  createdAt: Instant;
  lastSeq: number;
  lastReadSeq: number;
  unreadCount: number;
  mentionCount: number;
  muted: boolean;
  starred: boolean;
}

export interface ReactionView {
  emoji: string;
  count: number;
  personIds: Uuid[];
}

export interface ThreadView {
  replyCount: number;
  lastReplyAt?: Instant;
  participantIds: Uuid[];
}

export interface MessageView {
  id: Uuid;
  conversationId: Uuid;
  seq: number;
  authorId: Uuid;
  body?: string;
  /** Sanitised by the server; the only HTML the client inserts. */
  html?: string;
  createdAt: Instant;
  editedAt?: Instant;
  deleted: boolean;
  threadRootId?: Uuid;
  inChannel: boolean;
  thread?: ThreadView;
  reactions?: ReactionView[];
  pinned: boolean;
}

export interface HistoryView {
  messages: MessageView[];
  moreBefore: boolean;
  moreAfter: boolean;
}

export interface EditView {
  revision: number;
  body: string;
  replacedAt: Instant;
}

export interface PostMessageRequest {
  body: string;
  idempotencyKey: string;
  threadRootId?: Uuid;
  alsoInChannel?: boolean;
}
