package de.querfunk.identity.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    public Optional<Person> findByUsername(String username) {
        return find("lower(username) = lower(?1)", username).firstResultOptional();
    }

    public boolean usernameTaken(String username) {
        return count("lower(username) = lower(?1)", username) > 0;
    }

    public long countActiveAdministrators() {
        return count("administrator = true and active = true");
    }

    /** People ordered by lower-case username after {@code afterKey}, optionally filtered by a name fragment. */
    public List<Person> page(String query, String afterKey, boolean includeDeactivated, int limit) {
        String pattern = query == null ? null : "%" + query.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return find("""
                (:pattern is null or lower(username) like :pattern escape '\\' or lower(displayName) like :pattern escape '\\')
                and (:after is null or lower(username) > :after)
                and (:all = true or active = true)
                order by lower(username)""",
                Parameters.with("pattern", pattern).and("after", afterKey).and("all", includeDeactivated))
                .page(0, limit).list();
    }

    /** Active people whose username, or any word of whose display name, starts with {@code prefix}. */
    public List<Person> activeWithNamePrefix(String prefix, int limit) {
        String escaped = prefix.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return find("""
                active = true and (lower(username) like :start escape '\\' or lower(displayName) like :start escape '\\'
                    or lower(displayName) like :word escape '\\')
                order by lower(username)""",
                Parameters.with("start", escaped + "%").and("word", "% " + escaped + "%"))
                .page(0, limit).list();
    }
}
