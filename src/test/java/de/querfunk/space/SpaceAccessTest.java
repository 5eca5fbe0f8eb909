package de.querfunk.space;

import static de.querfunk.space.TestSpaces.aSpace;
import static de.querfunk.space.TestSpaces.archive;
import static de.querfunk.space.TestSpaces.join;
import static de.querfunk.space.TestSpaces.putMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.UUID;

import jakarta.inject.Inject;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import de.querfunk.platform.problem.ProblemException;
import de.querfunk.space.TestSpaces.CreatedSpace;
import de.querfunk.testing.Persona;
import de.querfunk.testing.Users;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The rules other features rely on, asked the way they ask them. */
@QuarkusTest
class SpaceAccessTest {

    @Inject
    SpaceAccess access;

    @Test
    void announcementSpace_everyoneReads_onlyModeratorsPost() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        Persona carol = Users.carol();
        CreatedSpace space = aSpace().announcement().by(alice).create();
        join(bob, space.id());

        assertThat(access.canRead(carol.id(), space.id())).isTrue();
        assertThat(access.canRead(bob.id(), space.id())).isTrue();
        assertThat(access.canPost(bob.id(), space.id())).isFalse();
        assertThat(access.canPost(carol.id(), space.id())).isFalse();
        assertThat(access.canPost(alice.id(), space.id())).isTrue();
        assertThat(problem(() -> access.requirePost(bob.id(), space.id())).type()).isEqualTo(SpaceProblems.READ_ONLY);
        assertThat(problem(() -> access.requirePost(bob.id(), space.id())).status()).isEqualTo(403);
        assertThat(problem(() -> access.requirePost(carol.id(), space.id())).type()).isEqualTo(SpaceProblems.READ_ONLY);
        assertThatNoException().isThrownBy(() -> access.requirePost(alice.id(), space.id()));

        putMember(alice, space.id(), bob, "moderator");
        // In a transaction of its own, as a feature asks while handling a later request.
        assertThat(QuarkusTransaction.requiringNew().call(() -> access.canPost(bob.id(), space.id()))).isTrue();
    }

    @Test
    void closedSpace_isUnreadableForNonMembers_withTheNotFoundOfAnUnknownId() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        CreatedSpace space = aSpace().closed().by(alice).create();

        assertThat(access.canRead(bob.id(), space.id())).isFalse();
        assertThat(access.canPost(bob.id(), space.id())).isFalse();
        assertThat(access.canModerate(bob.id(), space.id())).isFalse();
        ProblemException hidden = problem(() -> access.requireRead(bob.id(), space.id()));
        ProblemException unknown = problem(() -> access.requireRead(bob.id(), UUID.randomUUID()));
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.type()).isEqualTo(unknown.type()).isEqualTo("/problems/not-found");
        assertThat(hidden.getMessage()).isEqualTo(unknown.getMessage());
        assertThat(problem(() -> access.requirePost(bob.id(), space.id())).getMessage()).isEqualTo(unknown.getMessage());
        assertThat(problem(() -> access.requireModerate(bob.id(), space.id())).getMessage()).isEqualTo(unknown.getMessage());

        assertThat(access.canRead(alice.id(), space.id())).isTrue();
        assertThat(access.canPost(alice.id(), space.id())).isTrue();
        assertThat(access.canModerate(alice.id(), space.id())).isTrue();
    }

    @Test
    void openSpace_nonMembersRead_membersPost_moderatorsModerate() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        Persona carol = Users.carol();
        CreatedSpace space = aSpace().open().by(alice).create();
        join(bob, space.id());

        assertThat(access.canRead(carol.id(), space.id())).isTrue();
        assertThat(access.canPost(carol.id(), space.id())).isFalse();
        assertThat(problem(() -> access.requirePost(carol.id(), space.id())).type())
                .isEqualTo(SpaceProblems.MEMBERSHIP_REQUIRED);
        assertThat(access.canPost(bob.id(), space.id())).isTrue();
        assertThat(access.canModerate(bob.id(), space.id())).isFalse();
        assertThat(problem(() -> access.requireModerate(bob.id(), space.id())).type())
                .isEqualTo(SpaceProblems.MODERATOR_REQUIRED);
        assertThatNoException().isThrownBy(() -> access.requireModerate(alice.id(), space.id()));
    }

    @Test
    void archivedSpace_staysReadable_takesNoPosts() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        CreatedSpace space = aSpace().open().by(alice).create();
        join(bob, space.id());
        archive(alice, space.id());

        assertThat(access.canRead(bob.id(), space.id())).isTrue();
        assertThat(access.canPost(bob.id(), space.id())).isFalse();
        assertThat(access.canPost(alice.id(), space.id())).isFalse();
        ProblemException archived = problem(() -> access.requirePost(bob.id(), space.id()));
        assertThat(archived.type()).isEqualTo(SpaceProblems.ARCHIVED);
        assertThat(archived.status()).isEqualTo(409);
        assertThat(access.canModerate(alice.id(), space.id())).isTrue();
    }

    @Test
    void unknownSpace_allowsNothing() {
        UUID nowhere = UUID.randomUUID();
        UUID alice = Users.alice().id();

        assertThat(access.canRead(alice, nowhere)).isFalse();
        assertThat(access.canPost(alice, nowhere)).isFalse();
        assertThat(access.canModerate(alice, nowhere)).isFalse();
        assertThat(problem(() -> access.requirePost(alice, nowhere)).status()).isEqualTo(404);
    }

    @Test
    void readableSpaceIds_holdOpenAnnouncementAndOwnClosedSpaces() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        CreatedSpace open = aSpace().open().by(alice).create();
        CreatedSpace announcement = aSpace().announcement().by(alice).create();
        CreatedSpace alicesClosed = aSpace().closed().by(alice).create();
        CreatedSpace bobsClosed = aSpace().closed().by(bob).create();
        CreatedSpace sharedClosed = aSpace().closed().by(alice).create();
        putMember(alice, sharedClosed.id(), bob, "member");

        assertThat(access.readableSpaceIds(bob.id()))
                .contains(open.id(), announcement.id(), bobsClosed.id(), sharedClosed.id())
                .doesNotContain(alicesClosed.id());
        assertThat(access.readableSpaceIds(alice.id()))
                .contains(open.id(), announcement.id(), alicesClosed.id(), sharedClosed.id())
                .doesNotContain(bobsClosed.id());
    }

    @Test
    void readableSpaceNames_nameTheReadableSpacesOnly() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        CreatedSpace open = aSpace().open().by(alice).create();
        CreatedSpace alicesClosed = aSpace().closed().by(alice).create();

        assertThat(access.readableSpaceNames(bob.id())).containsEntry(open.id(), open.name())
                .doesNotContainKey(alicesClosed.id());
        assertThat(access.readableSpaceNames(alice.id())).containsEntry(alicesClosed.id(), alicesClosed.name())
                .containsOnlyKeys(access.readableSpaceIds(alice.id()));
    }

    private static ProblemException problem(ThrowingCallable call) {
        ProblemException e = catchThrowableOfType(ProblemException.class, call);
        assertThat(e).as("expected a problem").isNotNull();
        return e;
    }
}
