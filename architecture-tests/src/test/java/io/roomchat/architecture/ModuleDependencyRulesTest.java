package io.roomchat.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.roomchat.adapter.fixturea.AdapterCallingAnotherAdapter;
import io.roomchat.adapter.fixturea.boot.CompositionRoot;
import io.roomchat.adapter.fixtureb.OtherAdapter;
import io.roomchat.fixturecycle.left.Left;
import io.roomchat.fixturecycle.right.Right;
import org.junit.jupiter.api.Test;

/**
 * Dependency directions across the modules, on their compiled main classes. Each rule is also run on a small
 * violation, to show that it can fail.
 */
class ModuleDependencyRulesTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.roomchat");

    static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = slices()
            .matching("io.roomchat.adapter.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(resideInAPackage("..boot.."), DescribedPredicate.alwaysTrue())
            .as("adapters do not depend on one another; only a composition root (..boot..) wires several");

    static final ArchRule SHARED_MODULES_DO_NOT_DEPEND_ON_ADAPTERS = noClasses()
            .that().resideInAnyPackage("io.roomchat.core..", "io.roomchat.wire..", "io.roomchat.auth..")
            .should().dependOnClassesThat().resideInAPackage("io.roomchat.adapter..")
            .as("the core, the codec and the token verifier know no adapter");

    static final ArchRule CORE_KNOWS_NO_LIBRARY = noClasses()
            .that().resideInAPackage("io.roomchat.core..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.roomchat.core..")
            .as("the core depends on the JDK only");

    static final ArchRule NO_PACKAGE_CYCLES = slices()
            .matching("io.roomchat.(**)")
            .should().beFreeOfCycles()
            .as("no package cycles");

    @Test
    void adapters_do_not_depend_on_one_another() {
        ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER.check(PRODUCTION);
    }

    @Test
    void the_core_the_codec_and_the_verifier_know_no_adapter() {
        SHARED_MODULES_DO_NOT_DEPEND_ON_ADAPTERS.check(PRODUCTION);
    }

    @Test
    void the_core_depends_on_the_jdk_only() {
        CORE_KNOWS_NO_LIBRARY.check(PRODUCTION);
    }

    @Test
    void there_are_no_package_cycles() {
        NO_PACKAGE_CYCLES.check(PRODUCTION);
    }

    @Test
    void the_adapter_rule_fails_when_an_adapter_imports_another_adapter() {
        JavaClasses violation = new ClassFileImporter()
                .importClasses(AdapterCallingAnotherAdapter.class, OtherAdapter.class);

        assertThatThrownBy(() -> ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER.check(violation))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("AdapterCallingAnotherAdapter");
    }

    @Test
    void the_adapter_rule_lets_a_composition_root_wire_adapters() {
        JavaClasses wiring = new ClassFileImporter().importClasses(CompositionRoot.class, OtherAdapter.class);

        assertThatCode(() -> ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER.check(wiring)).doesNotThrowAnyException();
    }

    @Test
    void the_cycle_rule_fails_on_a_cycle() {
        JavaClasses cycle = new ClassFileImporter().importClasses(Left.class, Right.class);

        assertThatThrownBy(() -> NO_PACKAGE_CYCLES.check(cycle)).isInstanceOf(AssertionError.class);
    }

    @Test
    void every_adapter_is_in_the_import_so_no_rule_passes_on_nothing() {
        assertThat(PRODUCTION.that(resideInAPackage("io.roomchat.adapter..")))
                .extracting(type -> type.getPackageName().split("\\.")[3])
                .contains("inmemory", "jdbc", "dynamodb", "jetty", "lambda");
    }
}
