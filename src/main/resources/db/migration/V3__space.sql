-- Spaces and who belongs to them. A space's kind decides who reads and posts; its members'
-- roles decide who moderates. Every other feature asks de.querfunk.space.SpaceAccess, never
-- these tables.
CREATE TABLE space (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL CHECK (char_length(name) BETWEEN 2 AND 80),
    description text        NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
    kind        text        NOT NULL CHECK (kind IN ('open', 'closed', 'announcement')),
    archived    boolean     NOT NULL DEFAULT false,
    created_by  uuid        NOT NULL REFERENCES person (id),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
-- Names are unique regardless of case, so "Backoffice" and "backoffice" cannot both exist; the
-- same expression orders the directory and its cursor.
CREATE UNIQUE INDEX space_name_key ON space (lower(name));

CREATE TABLE space_member (
    space_id   uuid        NOT NULL REFERENCES space (id) ON DELETE CASCADE,
    person_id  uuid        NOT NULL REFERENCES person (id),
    role       text        NOT NULL CHECK (role IN ('member', 'moderator')),
    joined_at  timestamptz NOT NULL,
    PRIMARY KEY (space_id, person_id)
);
-- "Which spaces is this person in": every permission check and the readable-spaces filter.
CREATE INDEX space_member_person ON space_member (person_id);
