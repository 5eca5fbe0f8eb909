package de.querfunk.space.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import de.querfunk.space.SpaceRole;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class SpaceMemberRepository implements PanacheRepositoryBase<SpaceMember, SpaceMember.Key> {

    public Optional<SpaceMember> find(UUID spaceId, UUID personId) {
        if (spaceId == null || personId == null) {
            return Optional.empty();
        }
        return findByIdOptional(new SpaceMember.Key(spaceId, personId));
    }

    /** {@code personId}'s role in each of {@code spaceIds} they belong to. */
    public Map<UUID, SpaceRole> rolesOf(UUID personId, Collection<UUID> spaceIds) {
        Map<UUID, SpaceRole> roles = new HashMap<>();
        if (!spaceIds.isEmpty()) {
            list("personId = ?1 and spaceId in ?2", personId, spaceIds).forEach(m -> roles.put(m.spaceId, m.role));
        }
        return roles;
    }

    public Map<UUID, Long> counts(Collection<UUID> spaceIds) {
        Map<UUID, Long> counts = new HashMap<>();
        if (!spaceIds.isEmpty()) {
            getEntityManager().createQuery(
                    "select m.spaceId, count(m) from SpaceMember m where m.spaceId in :ids group by m.spaceId", Object[].class)
                    .setParameter("ids", spaceIds).getResultList()
                    .forEach(row -> counts.put((UUID) row[0], ((Number) row[1]).longValue()));
        }
        return counts;
    }

    public long countIn(UUID spaceId) {
        return count("spaceId", spaceId);
    }

    public List<UUID> moderatorIds(UUID spaceId) {
        return getEntityManager()
                .createQuery("select m.personId from SpaceMember m where m.spaceId = :space and m.role = :role", UUID.class)
                .setParameter("space", spaceId).setParameter("role", SpaceRole.MODERATOR).getResultList();
    }

    /**
     * Members of a space, moderators first, then in the order they joined. The cursor is the last
     * row's (role, joinedAt, personId); {@code afterRole} is null for the first page.
     */
    public List<SpaceMember> page(UUID spaceId, SpaceRole afterRole, Instant afterJoinedAt, UUID afterPerson, int limit) {
        Parameters params = Parameters.with("space", spaceId);
        String after = "";
        if (afterRole != null) {
            String sameRoleLater = "(m.role = :afterRole and (m.joinedAt > :at or (m.joinedAt = :at and m.personId > :person)))";
            after = afterRole == SpaceRole.MODERATOR
                    ? " and (m.role = :member or " + sameRoleLater + ")"
                    : " and " + sameRoleLater;
            params = params.and("afterRole", afterRole).and("at", afterJoinedAt).and("person", afterPerson);
            if (afterRole == SpaceRole.MODERATOR) {
                params = params.and("member", SpaceRole.MEMBER);
            }
        }
        // 'moderator' sorts after 'member', so descending puts moderators first.
        return find("from SpaceMember m where m.spaceId = :space" + after + " order by m.role desc, m.joinedAt, m.personId",
                params).page(0, limit).list();
    }

    public List<UUID> memberIds(UUID spaceId) {
        return getEntityManager().createQuery("select m.personId from SpaceMember m where m.spaceId = ?1", UUID.class)
                .setParameter(1, spaceId).getResultList();
    }

    public List<UUID> spaceIdsOf(UUID personId) {
        return getEntityManager().createQuery("select m.spaceId from SpaceMember m where m.personId = ?1", UUID.class)
                .setParameter(1, personId).getResultList();
    }
}
