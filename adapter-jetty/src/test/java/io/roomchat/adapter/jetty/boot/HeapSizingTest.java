package io.roomchat.adapter.jetty.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The server's heap defaults go into the JVM's own defaults only; a flag on the command line wins. */
class HeapSizingTest {

    @Test
    void a_jvm_on_its_own_defaults_gets_the_servers_heap_defaults() {
        FakeVm vm = new FakeVm(Map.of("MinHeapFreeRatio", "40", "MaxHeapFreeRatio", "70", "G1PeriodicGCInterval", "0"));

        List<String> applied = HeapSizing.apply(vm);

        assertThat(applied).containsExactly("MinHeapFreeRatio=10", "MaxHeapFreeRatio=20", "G1PeriodicGCInterval=60000");
        assertThat(vm.values).containsEntry("MinHeapFreeRatio", "10").containsEntry("MaxHeapFreeRatio", "20")
                .containsEntry("G1PeriodicGCInterval", "60000");
    }

    @Test
    void a_flag_given_on_the_command_line_is_left_alone() {
        FakeVm vm = new FakeVm(Map.of("MinHeapFreeRatio", "40", "MaxHeapFreeRatio", "70", "G1PeriodicGCInterval", "0"));
        vm.fromCommandLine("MaxHeapFreeRatio", "50");

        HeapSizing.apply(vm);

        assertThat(vm.values).containsEntry("MaxHeapFreeRatio", "50").containsEntry("MinHeapFreeRatio", "10");
    }

    @Test
    void a_jvm_without_a_flag_starts_all_the_same() {
        FakeVm vm = new FakeVm(Map.of("MinHeapFreeRatio", "40", "MaxHeapFreeRatio", "70"));

        assertThat(HeapSizing.apply(vm)).containsExactly("MinHeapFreeRatio=10", "MaxHeapFreeRatio=20");
    }

    @Test
    void the_running_jvm_accepts_every_default() {
        // The test JVM is a HotSpot like the server's: the flags exist and can be set while it runs.
        HotSpotDiagnosticMXBean vm = java.lang.management.ManagementFactory
                .getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        HeapSizing.DEFAULTS.keySet().forEach(name -> assertThat(vm.getVMOption(name).isWriteable())
                .as(name + " is manageable").isTrue());
    }

    /** The JVM's flags as the MXBean shows them; unknown names are refused as the real one refuses them. */
    private static final class FakeVm implements HotSpotDiagnosticMXBean {
        final Map<String, String> values = new HashMap<>();
        private final Map<String, VMOption.Origin> origins = new HashMap<>();

        FakeVm(Map<String, String> defaults) {
            defaults.forEach((name, value) -> {
                values.put(name, value);
                origins.put(name, VMOption.Origin.DEFAULT);
            });
        }

        void fromCommandLine(String name, String value) {
            values.put(name, value);
            origins.put(name, VMOption.Origin.VM_CREATION);
        }

        @Override
        public VMOption getVMOption(String name) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("VM option \"" + name + "\" does not exist");
            }
            return new VMOption(name, values.get(name), true, origins.get(name));
        }

        @Override
        public void setVMOption(String name, String value) {
            getVMOption(name);
            values.put(name, value);
            origins.put(name, VMOption.Origin.MANAGEMENT);
        }

        @Override
        public void dumpHeap(String outputFile, boolean live) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<VMOption> getDiagnosticOptions() {
            return List.of();
        }

        @Override
        public ObjectName getObjectName() {
            return null;
        }
    }
}
