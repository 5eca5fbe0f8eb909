package de.querfunk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import de.querfunk.testing.Persona;
import de.querfunk.testing.Users;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Lookups other features make through {@link People}. */
@QuarkusTest
class PeopleLookupTest {

    @Inject
    People people;

    @Test
    void withNamePrefix_matchesUsernameAndEachWordOfTheDisplayName() {
        Persona fresh = Users.fresh("Prefixperson");
        String username = fresh.username();

        assertThat(names(username.substring(0, 14).toUpperCase())).contains(username);
        // Users.fresh names people "<prefix> <n>": the second word is the number.
        String number = username.substring(username.lastIndexOf('-') + 1);
        assertThat(names("Prefixperson " + number)).contains(username);
        assertThat(names(number)).contains(username);
        assertThat(names("ixperson")).doesNotContain(username);
        assertThat(names("%")).isEmpty();
        assertThat(names(" ")).isEmpty();
    }

    private java.util.List<String> names(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> people.withNamePrefix(prefix, 50)).stream()
                .map(PersonSummary::username).toList();
    }
}
