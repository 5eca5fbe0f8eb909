package de.querfunk.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Test personas, created through the real API: {@link #admin()} sets the installation up (or
 * signs in when it already is), everyone else joins by invitation. Sessions are cached per test
 * JVM; {@link #forget()} drops them when a test resets identity.
 */
public final class Users {

    public static final String SETUP_TOKEN = "test-setup-token";
    public static final String PASSWORD = "correct horse battery staple";
    private static final Map<String, Persona> CACHE = new ConcurrentHashMap<>();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100000, 36);

    private Users() {
    }

    public static Persona admin() {
        return CACHE.computeIfAbsent("ada", u -> {
            boolean required = given().get("/api/v1/setup").then().statusCode(200).extract().path("setupRequired");
            Response r = required
                    ? given().contentType(ContentType.JSON).body(Map.of("setupToken", SETUP_TOKEN,
                            "administrator", details("ada", "Ada Admin"))).post("/api/v1/setup")
                    : login("ada", PASSWORD);
            return persona(r, "ada", PASSWORD);
        });
    }

    public static Persona alice() {
        return existing("alice", "Alice Adler");
    }

    public static Persona bob() {
        return existing("bob", "Bob Becker");
    }

    public static Persona carol() {
        return existing("carol", "Carol Clausen");
    }

    /** A person no other test knows, for tests that change or deactivate their account. */
    public static Persona fresh(String prefix) {
        String username = prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
        return invite(username, prefix + " " + SEQUENCE.get());
    }

    public static void forget() {
        CACHE.clear();
    }

    /**
     * Signs in from an address of its own (from the benchmarking range, in X-Forwarded-For), so that
     * tests which fail on purpose never throttle each other's sign-ins by address.
     */
    public static Response login(String username, String password) {
        int n = SEQUENCE.incrementAndGet();
        return loginFrom("198.18." + (n / 250 % 250) + "." + (1 + n % 250), username, password);
    }

    public static Response loginFrom(String address, String username, String password) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("username", username, "password", password)).post("/api/v1/session");
    }

    public static Map<String, Object> details(String username, String displayName) {
        return Map.of("username", username, "displayName", displayName, "email", username + "@example.org",
                "password", PASSWORD, "language", "de", "timeZone", "Europe/Berlin");
    }

    /** A new invitation link's token, created by the administrator. */
    public static String invitationToken() {
        return admin().request().body(Map.of()).post("/api/v1/invitations").then().statusCode(201).extract().path("token");
    }

    private static Persona existing(String username, String displayName) {
        return CACHE.computeIfAbsent(username, u -> {
            Response r = login(username, PASSWORD);
            return r.statusCode() == 201 ? persona(r, username, PASSWORD) : invite(username, displayName);
        });
    }

    private static Persona invite(String username, String displayName) {
        Response r = given().contentType(ContentType.JSON).body(details(username, displayName))
                .post("/api/v1/invitations/by-token/" + invitationToken() + "/accept");
        return persona(r, username, PASSWORD);
    }

    private static Persona persona(Response r, String username, String password) {
        r.then().statusCode(201);
        return new Persona(UUID.fromString(r.path("person.id")), username, password, r.getCookie("qf_session"),
                r.path("csrfToken"));
    }
}
