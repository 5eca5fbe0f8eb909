package de.querfunk.identity;

import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import de.querfunk.testing.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With the production default, the session cookie is marked Secure. */
@QuarkusTest
@TestProfile(SecureCookieTest.ProductionCookies.class)
class SecureCookieTest {

    public static class ProductionCookies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("querfunk.identity.secure-cookie", "true");
        }
    }

    @Test
    void sessionCookie_isSecureHttpOnlyAndLax() {
        Users.forget();
        Users.alice();
        Users.login("alice", Users.PASSWORD).then().statusCode(201)
                .header("Set-Cookie", containsString("Secure"))
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Lax"));
        Users.forget();
    }
}
