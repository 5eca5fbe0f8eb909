package de.querfunk.space;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** A member's role in one space. */
public enum SpaceRole {

    MEMBER,
    /** Adds and removes members, appoints moderators, edits and archives the space, posts in announcements. */
    MODERATOR;

    /** The name in the API, the database and events. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SpaceRole fromWireName(String wireName) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown space role " + wireName));
    }
}
