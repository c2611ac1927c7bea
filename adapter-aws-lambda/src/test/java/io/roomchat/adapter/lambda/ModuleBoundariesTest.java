package io.roomchat.adapter.lambda;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class ModuleBoundariesTest {
    /** This module's own classes only: scanning the whole class path (the AWS SDK) would take seconds. */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .importPath(Paths.get("target", "classes"));

    /** Which adapter modules this one may use is checked with every module's, in architecture-tests. */
    @Test
    void only_the_composition_root_knows_how_tokens_are_checked_and_how_it_is_wired() {
        noClasses().that().resideInAPackage("io.roomchat.adapter.lambda")
                .should().dependOnClassesThat().resideInAnyPackage("io.roomchat.auth..",
                        "io.roomchat.adapter.lambda.boot..")
                .check(CLASSES);
    }

    @Test
    void the_adapter_exposes_one_public_class() {
        classes().that().resideInAPackage("io.roomchat.adapter.lambda").and().arePublic()
                .should().haveSimpleName("ServerlessChat")
                .orShould().beNestedClasses()
                .check(CLASSES);
    }

    @Test
    void every_lambda_entry_point_lives_in_the_composition_root() {
        classes().that().areAssignableTo("com.amazonaws.services.lambda.runtime.RequestHandler")
                .should().resideInAPackage("io.roomchat.adapter.lambda.boot")
                .andShould().bePublic()
                .check(CLASSES);
    }
}
