package io.roomchat.adapter.redis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class OnePublicDoorTest {
    /** This module's own classes only. */
    private static final JavaClasses CLASSES = new ClassFileImporter().importPath(Paths.get("target", "classes"));

    @Test
    void the_bus_is_the_only_public_class() {
        assertThat(CLASSES).hasSizeGreaterThan(3);
        classes().that().arePublic().should().haveSimpleName("RedisBus").check(CLASSES);
    }
}
