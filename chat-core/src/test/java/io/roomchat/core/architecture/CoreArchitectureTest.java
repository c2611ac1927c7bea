package io.roomchat.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/** The core's shape, checked on its compiled classes. Each rule also runs once on a violation, to show it can fail. */
class CoreArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.roomchat.core");

    static final ArchRule CORE_USES_ONLY_THE_JDK = classes()
            .that().resideInAPackage("io.roomchat.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.roomchat.core..")
            .as("the core depends on the JDK and itself only");

    static final ArchRule DOMAIN_KNOWS_NO_PORTS_OR_SERVICES = noClasses()
            .that().resideInAPackage("io.roomchat.core.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.roomchat.core.port..", "io.roomchat.core.application..")
            .as("the domain knows neither ports nor services");

    static final ArchRule PORTS_KNOW_NO_SERVICES = noClasses()
            .that().resideInAPackage("io.roomchat.core.port..")
            .should().dependOnClassesThat().resideInAPackage("io.roomchat.core.application..")
            .as("ports know no services");

    static final ArchRule ONLY_THE_CORE_FACADE_IS_PUBLIC_IN_APPLICATION = classes()
            .that().resideInAPackage("io.roomchat.core.application..").and().arePublic().and().areTopLevelClasses()
            .should().haveSimpleNameStartingWith("ChatCore")
            .as("the application package's only public door is ChatCore");

    @Test
    void the_core_depends_on_the_jdk_only() {
        CORE_USES_ONLY_THE_JDK.check(CORE);
    }

    @Test
    void the_domain_knows_neither_ports_nor_services() {
        DOMAIN_KNOWS_NO_PORTS_OR_SERVICES.check(CORE);
    }

    @Test
    void ports_know_no_services() {
        PORTS_KNOW_NO_SERVICES.check(CORE);
    }

    @Test
    void services_are_hidden_behind_the_chat_core() {
        ONLY_THE_CORE_FACADE_IS_PUBLIC_IN_APPLICATION.check(CORE);
    }

    @Test
    void core_packages_have_no_cycles() {
        SlicesRuleDefinition.slices().matching("io.roomchat.core.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void the_jdk_only_rule_fails_on_a_core_class_that_uses_a_library() {
        JavaClasses violation = new ClassFileImporter().importClasses(CoreClassUsingALibrary.class);

        assertThatThrownBy(() -> CORE_USES_ONLY_THE_JDK.check(violation))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("com.tngtech.archunit");
    }

    @Test
    void the_rules_fail_rather_than_pass_on_an_empty_import() {
        JavaClasses nothing = new ClassFileImporter().importPackages("io.roomchat.core.no_such_package");

        assertThatThrownBy(() -> CORE_USES_ONLY_THE_JDK.check(nothing)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> DOMAIN_KNOWS_NO_PORTS_OR_SERVICES.check(nothing)).isInstanceOf(AssertionError.class);
    }
}
