package io.roomchat.adapter.jetty;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Inside the Jetty adapter: the server does not know its composition root. Which modules may use which is checked
 * once for all of them, in architecture-tests.
 */
class JettyArchitectureTest {
    private static final JavaClasses JETTY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.roomchat.adapter.jetty");

    static final ArchRule THE_SERVER_KNOWS_NOT_ITS_COMPOSITION_ROOT = noClasses()
            .that().resideInAPackage("io.roomchat.adapter.jetty")
            .should().dependOnClassesThat().resideInAPackage("io.roomchat.adapter.jetty.boot..")
            .as("the server does not depend on its composition root");

    @Test
    void the_server_does_not_depend_on_its_composition_root() {
        THE_SERVER_KNOWS_NOT_ITS_COMPOSITION_ROOT.check(JETTY);
    }

    @Test
    void the_rules_see_both_the_server_and_its_composition_root() {
        assertThat(JETTY.that(com.tngtech.archunit.core.domain.JavaClass.Predicates
                .resideInAPackage("io.roomchat.adapter.jetty.boot")).size()).isPositive();
        assertThat(JETTY.that(com.tngtech.archunit.core.domain.JavaClass.Predicates
                .resideInAPackage("io.roomchat.adapter.jetty")).size()).isPositive();
    }
}
