package de.querfunk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Features are entered through their root package only: another feature may use
 * {@code de.querfunk.space.SpaceAccess} but never {@code de.querfunk.space.persistence.Space} or
 * {@code de.querfunk.space.api.*}. The platform's named packages are roots of their own.
 */
class ArchitectureTest {

    private static final String BASE = "de.querfunk.";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("de.querfunk");

    @Test
    void features_areEnteredOnlyThroughTheirRootPackage() {
        classes().should(new ArchCondition<>("use other features only through their root package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    if (!target.getPackageName().startsWith(BASE)) {
                        continue;
                    }
                    String from = module(origin.getPackageName());
                    String to = module(target.getPackageName());
                    if (!from.equals(to) && !target.getPackageName().equals(BASE + to)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        }).check(MAIN);
    }

    @Test
    void platform_dependsOnNoFeature() {
        noClasses().that().resideInAPackage(BASE + "platform..")
                .should().dependOnClassesThat(new DescribedPredicate<>("belong to a feature") {
                    @Override
                    public boolean test(JavaClass c) {
                        return c.getPackageName().startsWith(BASE) && !c.getPackageName().startsWith(BASE + "platform");
                    }
                }).check(MAIN);
    }

    @Test
    void resources_holdNoTransactions() {
        noClasses().that().resideInAPackage("..api..").should()
                .beAnnotatedWith(jakarta.transaction.Transactional.class).check(MAIN);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods().that().areDeclaredInClassesThat()
                .resideInAPackage("..api..").should().beAnnotatedWith(jakarta.transaction.Transactional.class).check(MAIN);
    }

    /** The unit of encapsulation: a feature ("space") or a named platform package ("platform.events"). */
    private static String module(String packageName) {
        String rest = packageName.substring(BASE.length());
        String[] parts = rest.split("\\.");
        if (parts[0].equals("platform") && parts.length > 1) {
            return parts[0] + "." + parts[1];
        }
        return parts[0];
    }
}
