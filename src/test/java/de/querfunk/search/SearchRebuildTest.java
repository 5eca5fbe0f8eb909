package de.querfunk.search;

import static de.querfunk.search.Searches.awaitFound;
import static de.querfunk.search.Searches.ids;
import static de.querfunk.search.Searches.marker;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import de.querfunk.testing.Persona;
import de.querfunk.testing.Spaces;
import de.querfunk.testing.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The index is derived data: administrators rebuild it from PostgreSQL while search keeps answering. */
@QuarkusTest
class SearchRebuildTest {

    private static final String REBUILD = "/api/v1/admin/search/rebuild";

    @Test
    void rebuild_isForAdministratorsOnly() {
        Persona alice = Users.alice();
        alice.request().post(REBUILD).then().statusCode(403);
        alice.request().get(REBUILD).then().statusCode(403);
        given().post(REBUILD).then().statusCode(401);
        Users.admin().requestWithoutCsrf().post(REBUILD).then().statusCode(403)
                .body("type", equalTo("/problems/csrf-token-invalid"));
    }

    @Test
    void rebuild_restoresEveryStoredMessage_dropsDeletedOnes_andKeepsIndexingNewOnes() {
        Persona admin = Users.admin();
        Persona alice = Users.alice();
        UUID channel = Spaces.channel(alice, Spaces.create(alice, "open"));
        String kept = marker("bleibt");
        String gone = marker("geloescht");
        String keptId = Spaces.post(alice, channel, "Vor dem Neuaufbau " + kept);
        String goneId = Spaces.post(alice, channel, "Vor dem Neuaufbau " + gone);
        String root = Spaces.post(alice, channel, "Faden " + kept);
        Searches.reply(alice, channel, root, "Antwort");
        alice.request().delete("/api/v1/messages/" + goneId).then().statusCode(204);
        awaitFound(alice, kept, keptId);
        awaitFound(alice, kept + " is:thread", root);

        Instant requested = Instant.now().minusSeconds(1);
        JsonPath accepted = admin.request().post(REBUILD).then().statusCode(202)
                .header("Location", REBUILD).extract().jsonPath();
        assertThat(accepted.getString("state")).isEqualTo("rebuilding");
        String during = marker("waehrend");
        String duringId = Spaces.post(alice, channel, "Während des Neuaufbaus " + during);

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath p = admin.request().get(REBUILD).then().statusCode(200).extract().jsonPath();
            return "ready".equals(p.getString("state")) && p.getString("finishedAt") != null
                    && Instant.parse(p.getString("startedAt")).isAfter(requested);
        });
        JsonPath done = admin.request().get(REBUILD).then().extract().jsonPath();
        assertThat(done.getLong("done")).isEqualTo(done.getLong("total")).isPositive();
        assertThat(done.getString("reason")).isEqualTo("requested by ada");

        assertThat(ids(alice, kept)).containsExactlyInAnyOrder(keptId, root);
        assertThat(ids(alice, kept + " is:thread")).containsExactly(root);
        assertThat(ids(alice, gone)).isEmpty();
        awaitFound(alice, during, duringId);
        String after = marker("danach");
        awaitFound(alice, after, Spaces.post(alice, channel, "Nach dem Neuaufbau " + after));
    }

    @Test
    void readiness_reportsTheSearchIndex() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("search"))
                .body("checks.find { it.name == 'search' }.data.state", oneOf("ready", "rebuilding"));
    }
}
