package de.querfunk.space;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who may read and post in a space, before roles are considered. */
public enum SpaceKind {

    /** Anyone joins and reads; members post. */
    OPEN,
    /** Only members know the space exists; members read and post. */
    CLOSED,
    /** Anyone joins and reads; only moderators post. */
    ANNOUNCEMENT;

    /** The name in the API, the database and events. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SpaceKind fromWireName(String wireName) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown space kind " + wireName));
    }
}
