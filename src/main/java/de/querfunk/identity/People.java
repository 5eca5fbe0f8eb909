package de.querfunk.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import de.querfunk.identity.persistence.Person;
import de.querfunk.identity.persistence.PersonRepository;

/** Lookups of people for other features: summaries by id or username, never entities. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class People {

    private final PersonRepository repository;

    People(PersonRepository repository) {
        this.repository = repository;
    }

    public Optional<PersonSummary> find(UUID id) {
        return repository.findByIdOptional(id).map(People::summary);
    }

    public Optional<PersonSummary> findByUsername(String username) {
        return repository.findByUsername(username).map(People::summary);
    }

    public Map<UUID, PersonSummary> summaries(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Person> found = repository.list("id in ?1", ids);
        return found.stream().map(People::summary).collect(Collectors.toMap(PersonSummary::id, Function.identity()));
    }

    /**
     * Up to {@code limit} active people whose username, or any word of whose display name, starts
     * with {@code prefix} (ignoring case), by username: for suggestions while someone types a name.
     */
    public List<PersonSummary> withNamePrefix(String prefix, int limit) {
        if (prefix == null || prefix.isBlank()) {
            return List.of();
        }
        return repository.activeWithNamePrefix(prefix.strip(), limit).stream().map(People::summary).toList();
    }

    static PersonSummary summary(Person p) {
        return new PersonSummary(p.id, p.username, p.displayName, p.active);
    }
}
