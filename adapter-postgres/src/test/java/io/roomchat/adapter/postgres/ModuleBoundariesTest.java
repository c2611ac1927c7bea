package io.roomchat.adapter.postgres;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class ModuleBoundariesTest {
    private static final JavaClasses CLASSES = new ClassFileImporter().importPath(Paths.get("target", "classes"));

    @Test
    void the_adapter_exposes_one_public_class_and_its_builder() {
        classes().that().resideInAPackage("io.roomchat.adapter.postgres").and().arePublic()
                .should().haveSimpleName("PostgresChatStorage")
                .orShould().haveSimpleName("Builder")
                .check(CLASSES);
    }
}
