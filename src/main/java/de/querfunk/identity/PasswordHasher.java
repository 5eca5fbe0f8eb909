package de.querfunk.identity;

import jakarta.enterprise.context.ApplicationScoped;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/** Argon2id password hashes in PHC string form, parameters from {@link IdentityConfig}. */
@ApplicationScoped
class PasswordHasher {

    private final Argon2Function argon2;
    /** Verified against when an account does not exist, so that the answer takes as long as for one that does. */
    private final String decoy;

    PasswordHasher(IdentityConfig config) {
        this.argon2 = Argon2Function.getInstance(config.passwordHashMemoryKib(), config.passwordHashIterations(), 1, 32,
                Argon2.ID, 19);
        this.decoy = hash(Secrets.newSecret());
    }

    String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
    }

    boolean verify(String password, String storedHash) {
        if (storedHash == null) {
            Password.check(password, decoy).with(argon2);
            return false;
        }
        return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
    }
}
