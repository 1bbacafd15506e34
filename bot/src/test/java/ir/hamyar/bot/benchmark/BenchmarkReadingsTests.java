package ir.hamyar.bot.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the load benchmark reads of the application's JVM (its Prometheus text and GC log) and of the machine. */
class BenchmarkReadingsTests {

    @Test
    void prometheusSeriesAreSummedByNameAndByLabel() {
        Prometheus p = Prometheus.parse("""
                # HELP hamyar_outbox_claimed_total Rows leased
                # TYPE hamyar_outbox_claimed_total counter
                hamyar_outbox_claimed_total{application="hamyar",path="written"} 120.0
                hamyar_outbox_claimed_total{application="hamyar",path="poll"} 3.0
                hamyar_outbox_claimed_total{application="hamyar",path="written",bot="bale"} 5.0
                hamyar_updates_batch_size_count{application="hamyar"} 40
                hamyar_updates_batch_size_sum{application="hamyar"} 170.5
                jvm_info{vendor="Eclipse \\"Adoptium\\"",version="17"} 1 1765100000000
                process_uptime_seconds NaN
                """);
        assertThat(p.sum("hamyar_outbox_claimed_total")).isEqualTo(128.0);
        assertThat(p.sumBy("hamyar_outbox_claimed_total", "path")).isEqualTo(Map.of("written", 125.0, "poll", 3.0));
        assertThat(p.sum("hamyar_updates_batch_size_sum")).isEqualTo(170.5);
        assertThat(p.has("jvm_info")).isTrue();
        assertThat(p.sumBy("jvm_info", "vendor")).containsOnlyKeys("Eclipse \\\"Adoptium\\\"");
        assertThat(p.has("hamyar_missing")).isFalse();
        assertThat(p.sum("hamyar_missing")).isZero();
    }

    @Test
    void theMachinesBusyShareLeavesIdleAndIowaitOut() {
        MachineCpu before = MachineCpu.parse("cpu  100 0 50 800 50 0 0 0 0 0");
        MachineCpu after = MachineCpu.parse("cpu  250 10 90 1000 90 5 5 0 7 0");
        // busy: user +150, nice +10, system +40, irq +5, softirq +5 = 210 of 450 ticks (idle +200, iowait +40)
        assertThat(after.busySince(before)).isEqualTo(210.0 / 450);
    }

    @Test
    void gcPausesAreCountedWithinTheWindowOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gc.log");
        Files.writeString(file, """
                [1000ms] Using Serial
                [1500ms] GC(0) Pause Young (Allocation Failure) 60M->10M(245M) 5.000ms
                [2000ms] GC(1) Pause Young (Allocation Failure) 279M->31M(989M) 41.803ms
                [2500ms] GC(2) Pause Full (Allocation Failure) 900M->180M(989M) 612.500ms
                [3000ms] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 1G->300M(1G) 12.000ms
                [3500ms] GC(4) Pause Young (Allocation Failure) 400M->100M(989M) 99.000ms
                """);
        GcLog log = new GcLog(file);
        assertThat(log.flag()).startsWith("-Xlog:gc:file=").endsWith(":timemillis:filecount=0");
        assertThat(log.summary(1600, 3000)).isEqualTo("longest GC pause 613 ms (3 pauses, 666 ms in all, 1 of the "
                + "whole heap; heap after the last 300 of 1024 MB)");
        assertThat(log.summary(4000, 5000)).isEqualTo("longest GC pause 0 ms (0 pauses, 0 ms in all, 0 of the whole "
                + "heap; heap after the last –)");
    }
}
