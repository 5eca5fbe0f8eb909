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
}
