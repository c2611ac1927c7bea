package io.roomchat.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.roomchat.adapter.fixturea.AdapterCallingAnotherAdapter;
import io.roomchat.adapter.fixturea.AdapterUsingTheBench;
import io.roomchat.adapter.fixturea.boot.CompositionRoot;
import io.roomchat.adapter.fixtureb.OtherAdapter;
import io.roomchat.adapter.jdbc.fixture.JdbcInternal;
import io.roomchat.adapter.lambda.fixture.LambdaInternal;
import io.roomchat.adapter.lambda.local.fixture.StandInReachingIntoTheLambda;
import io.roomchat.adapter.postgres.PostgresReachingPastTheSharedSql;
import io.roomchat.bench.fixture.BenchUsingAServersClasses;
import io.roomchat.fixturecycle.left.Left;
import io.roomchat.fixturecycle.right.Right;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependency directions across the modules, on their compiled main classes: the one home of the cross-module rules
 * (module tests keep only rules about their own insides). Each rule is also run on a small violation, to show that
 * it can fail.
 */
class ModuleDependencyRulesTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.roomchat");

    /**
     * One slice per adapter module, named as the module. By package prefix, not {@code adapter.(*)}: the stand-in
     * ({@code adapter.lambda.local}) sits under the Lambda adapter's packages and is a module of its own.
     */
    static final SliceAssignment ADAPTER_MODULES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String name = type.getPackageName();
            if (name.startsWith("io.roomchat.adapter.lambda.local")) {
                return SliceIdentifier.of("adapter-aws-lambda-local");
            }
            if (name.startsWith("io.roomchat.adapter.lambda")) {
                return SliceIdentifier.of("adapter-aws-lambda");
            }
            if (name.startsWith("io.roomchat.adapter.")) {
                return SliceIdentifier.of("adapter-" + name.split("\\.")[3]);
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "adapter modules";
        }
    };

    static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = slices()
            .assignedFrom(ADAPTER_MODULES)
            .should().notDependOnEachOther()
            .ignoreDependency(resideInAPackage("..boot.."), DescribedPredicate.alwaysTrue())
            .ignoreDependency(resideInAPackage("io.roomchat.adapter.lambda.local.."),
                    resideInAnyPackage("io.roomchat.adapter.lambda", "io.roomchat.adapter.lambda.boot"))
            .ignoreDependency(resideInAPackage("io.roomchat.adapter.postgres"),
                    resideInAPackage("io.roomchat.adapter.jdbc"))
            .as("adapters do not depend on one another; only a composition root (..boot..) wires several, the "
                    + "local stand-in runs the Lambda functions' own (their public door and lambda.boot), and the "
                    + "PostgreSQL store runs the JDBC store's SQL (its base classes in adapter.jdbc)");

    static final ArchRule NOTHING_DEPENDS_ON_THE_BENCHMARKS = noClasses()
            .that().resideOutsideOfPackage("io.roomchat.bench..")
            .should().dependOnClassesThat().resideInAPackage("io.roomchat.bench..")
            .as("no module depends on the benchmarks");

    static final ArchRule THE_BENCHMARKS_USE_ONLY_SHARED_MODULES_AND_THE_EMBEDDING_DOOR = classes()
            .that().resideInAPackage("io.roomchat.bench..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.roomchat..").or(resideInAnyPackage(
                    "io.roomchat.bench..", "io.roomchat.core..", "io.roomchat.wire..", "io.roomchat.auth..",
                    "io.roomchat.adapter.inmemory..")))
            .as("the benchmarks drive servers over the network: besides the core, the codec and tokens they use "
                    + "only the in-memory embedding");

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
    void nothing_depends_on_the_benchmarks() {
        NOTHING_DEPENDS_ON_THE_BENCHMARKS.check(PRODUCTION);
    }

    @Test
    void the_benchmarks_use_only_shared_modules_and_the_embedding_door() {
        THE_BENCHMARKS_USE_ONLY_SHARED_MODULES_AND_THE_EMBEDDING_DOOR.check(PRODUCTION);
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
    void the_adapter_rule_sees_the_stand_in_apart_from_the_lambda_adapter_it_sits_under() {
        JavaClasses violation = new ClassFileImporter()
                .importClasses(StandInReachingIntoTheLambda.class, LambdaInternal.class);

        assertThatThrownBy(() -> ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER.check(violation))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("StandInReachingIntoTheLambda");
    }

    @Test
    void the_adapter_rule_lets_the_postgresql_adapter_use_the_shared_sql_package_and_nothing_else_of_jdbc() {
        JavaClasses violation = new ClassFileImporter()
                .importClasses(PostgresReachingPastTheSharedSql.class, JdbcInternal.class);

        assertThatThrownBy(() -> ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER.check(violation))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PostgresReachingPastTheSharedSql");
    }

    @Test
    void the_benchmark_rules_fail_on_a_product_class_using_them_and_on_a_bench_using_a_servers_classes() {
        JavaClasses violations = new ClassFileImporter()
                .importClasses(AdapterUsingTheBench.class, BenchUsingAServersClasses.class, OtherAdapter.class);

        assertThatThrownBy(() -> NOTHING_DEPENDS_ON_THE_BENCHMARKS.check(violations))
                .isInstanceOf(AssertionError.class).hasMessageContaining("AdapterUsingTheBench");
        assertThatThrownBy(() -> THE_BENCHMARKS_USE_ONLY_SHARED_MODULES_AND_THE_EMBEDDING_DOOR.check(violations))
                .isInstanceOf(AssertionError.class).hasMessageContaining("BenchUsingAServersClasses");
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
    void every_module_is_in_the_import_so_no_rule_passes_on_nothing() {
        assertThat(PRODUCTION.stream().map(ADAPTER_MODULES::getIdentifierOf)).contains(Stream.of(
                "adapter-inmemory", "adapter-jdbc", "adapter-dynamodb", "adapter-redis", "adapter-jetty",
                "adapter-aws-lambda", "adapter-aws-lambda-local").map(SliceIdentifier::of).toArray(SliceIdentifier[]::new));
        assertThat(PRODUCTION.that(resideInAPackage("io.roomchat.bench..")).size()).isPositive();
        assertThat(PRODUCTION.that(resideInAPackage("io.roomchat.adapter.lambda.local..")).stream()
                .anyMatch(type -> type.getDirectDependenciesFromSelf().stream().anyMatch(dependency -> dependency
                        .getTargetClass().getPackageName().equals("io.roomchat.adapter.lambda.boot"))))
                .as("the stand-in does use the Lambda's composition root, so the allowance is not idle").isTrue();
    }
}
