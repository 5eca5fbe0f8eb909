-- Conversations: a space's channel, a direct conversation of two people, or a group of up to 25.
CREATE TABLE conversation (
    id          uuid        PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('channel', 'direct', 'group')),
    space_id    uuid        UNIQUE,
    -- The two participants of a direct conversation, smaller id first: the same pair always gets the same one.
    direct_key  text        UNIQUE,
    title       text,
    last_seq    bigint      NOT NULL DEFAULT 0,
    created_by  uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    CHECK ((kind = 'channel') = (space_id IS NOT NULL)),
    CHECK ((kind = 'direct') = (direct_key IS NOT NULL))
);

-- Who belongs to a direct or group conversation (a channel's readers come from its space).
CREATE TABLE conversation_participant (
    conversation_id uuid        NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    person_id       uuid        NOT NULL,
    added_at        timestamptz NOT NULL,
    PRIMARY KEY (conversation_id, person_id)
);
CREATE INDEX conversation_participant_person ON conversation_participant (person_id);

-- One person's own view of a conversation. Nobody else ever reads another person's row.
CREATE TABLE conversation_state (
    conversation_id uuid    NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    person_id       uuid    NOT NULL,
    muted           boolean NOT NULL DEFAULT false,
    starred         boolean NOT NULL DEFAULT false,
    last_read_seq   bigint  NOT NULL DEFAULT 0,
    PRIMARY KEY (conversation_id, person_id)
);

CREATE TABLE message (
    id               uuid        PRIMARY KEY,
    conversation_id  uuid        NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    -- Order within the conversation, from conversation.last_seq.
    seq              bigint      NOT NULL,
    author_id        uuid        NOT NULL,
    body             text,
    html             text,
    thread_root_id   uuid        REFERENCES message (id),
    in_channel       boolean     NOT NULL,
    reply_count      integer     NOT NULL DEFAULT 0,
    last_reply_at    timestamptz,
    idempotency_key  text        NOT NULL,
    created_at       timestamptz NOT NULL,
    edited_at        timestamptz,
    deleted_at       timestamptz,
    UNIQUE (conversation_id, seq),
    -- A retried send finds the message it created.
    UNIQUE (author_id, idempotency_key)
);
CREATE INDEX message_thread ON message (thread_root_id, seq) WHERE thread_root_id IS NOT NULL;

CREATE TABLE message_edit (
    message_id  uuid        NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    revision    integer     NOT NULL,
    body        text        NOT NULL,
    replaced_at timestamptz NOT NULL,
    PRIMARY KEY (message_id, revision)
);

CREATE TABLE message_mention (
    message_id uuid NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    person_id  uuid NOT NULL,
    PRIMARY KEY (message_id, person_id)
);
CREATE INDEX message_mention_person ON message_mention (person_id);

CREATE TABLE reaction (
    message_id uuid        NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    person_id  uuid        NOT NULL,
    emoji      text        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (message_id, emoji, person_id)
);

CREATE TABLE pin (
    conversation_id uuid        NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    message_id      uuid        NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    pinned_by       uuid        NOT NULL,
    pinned_at       timestamptz NOT NULL,
    PRIMARY KEY (conversation_id, message_id)
);

-- Thread followers: participants follow automatically; following = false records an unfollow.
CREATE TABLE thread_follower (
    root_id   uuid    NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    person_id uuid    NOT NULL,
    following boolean NOT NULL,
    PRIMARY KEY (root_id, person_id)
);
