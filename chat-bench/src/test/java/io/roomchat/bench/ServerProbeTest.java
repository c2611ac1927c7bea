package io.roomchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerProbeTest {

    @Test
    void reads_the_used_heap_from_g1_heap_info() {
        String heapInfo = "28477:\n garbage-first heap   total 524288K, used 21633K [0x0000000080000000, 0x0000000100000000)\n"
                + "  region size 1024K, 2 young (2048K), 0 survivors (0K)\n Metaspace       used 30123K, committed 30464K";

        assertThat(ServerProbe.heapUsedKiB(heapInfo)).isEqualTo(21633);
    }

    @Test
    void adds_up_the_generations_of_serial_or_parallel_heap_info_but_not_metaspace() {
        String heapInfo = "4242:\n def new generation   total 19648K, used 1234K [0x00000000e0000000)\n"
                + "  eden space 17472K,   7% used [0x00000000e0000000)\n"
                + " tenured generation   total 43712K, used 20000K [0x00000000eaaa0000)\n"
                + " Metaspace       used 30123K, committed 30464K, reserved 1114112K\n";

        assertThat(ServerProbe.heapUsedKiB(heapInfo)).isEqualTo(21234);
    }

    @Test
    void reads_the_committed_heap_from_the_same_lines() {
        String g1 = "28477:\n garbage-first heap   total 524288K, used 21633K [0x0000000080000000, 0x0000000100000000)\n"
                + " Metaspace       used 30123K, committed 30464K";
        String serial = " def new generation   total 19648K, used 1234K [0x00000000e0000000)\n"
                + " tenured generation   total 43712K, used 20000K [0x00000000eaaa0000)\n"
                + " Metaspace       used 30123K, committed 30464K, reserved 1114112K\n";

        assertThat(ServerProbe.heapCommittedKiB(g1)).isEqualTo(524288);
        assertThat(ServerProbe.heapCommittedKiB(serial)).isEqualTo(63360);
    }

    @Test
    void reads_the_thread_count_from_proc_status() {
        assertThat(ServerProbe.threads("Name:\tjava\nVmRSS:\t  499424 kB\nThreads:\t226\n")).isEqualTo(226);
    }

    @Test
    void reads_the_resident_set_from_proc_status() {
        String status = "Name:\tjava\nVmPeak:\t 4960020 kB\nVmRSS:\t  499424 kB\nRssAnon:\t  470000 kB\n";

        assertThat(ServerProbe.rssKiB(status)).isEqualTo(499424);
    }

    @Test
    void adds_up_live_bytes_per_class_from_a_class_histogram() {
        String histogram = " num     #instances         #bytes  class name (module)\n"
                + "-------------------------------------------------------\n"
                + "   1:         12000        1536000  [B (java.base@17.0.15)\n"
                + "   2:          1000          48000  io.roomchat.adapter.jetty.ClientConnection\n"
                + "Total         13000        1584000\n";

        assertThat(ServerProbe.histogram(histogram))
                .containsEntry("[B", 1_536_000L)
                .containsEntry("io.roomchat.adapter.jetty.ClientConnection", 48_000L)
                .hasSize(2);
    }

    @Test
    void reads_cpu_ticks_from_proc_stat_even_with_spaces_in_the_command_name() {
        String stat = "28477 (java main) S 1 28476 28476 0 -1 4194560 1000 0 0 0 5477 1533 0 0 20 0 60 0 1 2 3";

        assertThat(CpuClock.cpuSecondsFromStat(stat)).isEqualTo(70.10);
    }
}
