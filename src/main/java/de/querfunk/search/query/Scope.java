package de.querfunk.search.query;

import java.util.Optional;
import java.util.UUID;

/** Resolves the names in filters for the person searching. */
public interface Scope {

    /** Knows no names: {@code in:} a space by name and {@code from:} match nothing (for queries outside a request). */
    Scope NO_NAMES = new Scope() {
        @Override
        public Optional<UUID> readableSpaceNamed(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<UUID> personNamed(String username) {
            return Optional.empty();
        }
    };

    /** The readable space with this name (ignoring case); empty when the person may read none by that name. */
    Optional<UUID> readableSpaceNamed(String name);

    /** The person with this username (ignoring case). */
    Optional<UUID> personNamed(String username);
}
