package de.querfunk.space.persistence;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import de.querfunk.space.SpaceKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class SpaceRepository implements PanacheRepositoryBase<Space, UUID> {

    /** Which spaces a person may read: the condition of every list that must not reveal closed spaces. */
    private static final String READABLE = """
            (s.kind <> :closed or exists (select 1 from SpaceMember m where m.spaceId = s.id and m.personId = :person))""";

    /**
     * The space row-locked until the transaction ends. Every change to a space or its members takes
     * this lock first, so that two moderators demoting each other cannot leave the space without one.
     */
    public Optional<Space> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean nameTaken(String name, UUID except) {
        return count("lower(name) = lower(?1) and (?2 is null or id <> ?2)", name, except) > 0;
    }

    /**
     * Spaces {@code personId} may read, ordered by lower-case name after {@code afterName},
     * optionally only those whose name contains {@code query}.
     */
    public List<Space> browse(UUID personId, String query, String afterName, int limit) {
        StringBuilder hql = new StringBuilder("from Space s where ").append(READABLE);
        Parameters params = Parameters.with("closed", SpaceKind.CLOSED).and("person", personId);
        String pattern = likePattern(query);
        if (pattern != null) {
            hql.append(" and lower(s.name) like :pattern escape '\\'");
            params = params.and("pattern", pattern);
        }
        if (afterName != null) {
            hql.append(" and lower(s.name) > lower(:after)");
            params = params.and("after", afterName);
        }
        return find(hql.append(" order by lower(s.name)").toString(), params).page(0, limit).list();
    }

    /** The spaces {@code personId} is a member of, ordered by lower-case name. */
    public List<Space> memberOf(UUID personId) {
        return find("""
                from Space s where exists (select 1 from SpaceMember m where m.spaceId = s.id and m.personId = ?1)
                order by lower(s.name)""", personId).list();
    }

    public List<UUID> readableIds(UUID personId) {
        return getEntityManager().createQuery("select s.id from Space s where " + READABLE, UUID.class)
                .setParameter("closed", SpaceKind.CLOSED).setParameter("person", personId).getResultList();
    }

    /** Id and name of every space {@code personId} may read. */
    public List<Object[]> readableNames(UUID personId) {
        return getEntityManager().createQuery("select s.id, s.name from Space s where " + READABLE, Object[].class)
                .setParameter("closed", SpaceKind.CLOSED).setParameter("person", personId).getResultList();
    }

    private static String likePattern(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        return "%" + query.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
