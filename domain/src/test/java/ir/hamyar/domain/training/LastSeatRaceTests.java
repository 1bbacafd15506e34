package ir.hamyar.domain.training;

import ir.hamyar.domain.training.EnrolResult.Outcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LastSeatRaceTests extends TrainingTestSupport {

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * Forces the overlap: the first member has taken the last seat but not committed when the second one tries;
     * the second must wait for the course lock and then find the course full.
     */
    @Test
    void whenTwoMembersOverlapOnTheLastSeatTheSecondFindsTheCourseFull() throws Exception {
        long course = created(course(1));
        long first = member();
        long second = member();
        CountDownLatch firstEnrolled = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<EnrolResult> firstResult = pool.submit(() -> new TransactionTemplate(transactions).execute(tx -> {
                EnrolResult r = training.enrol(course, first);
                firstEnrolled.countDown();
                await(commitFirst);
                return r;
            }));
            assertThat(firstEnrolled.await(30, TimeUnit.SECONDS)).isTrue();
            Future<EnrolResult> secondResult = pool.submit(() -> training.enrol(course, second));
            awaitABlockedStatement();
            commitFirst.countDown();

            assertThat(firstResult.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.ENROLLED);
            assertThat(secondResult.get(30, TimeUnit.SECONDS)).isEqualTo(new EnrolResult(Outcome.FULL, 1));
        } finally {
            commitFirst.countDown();
            pool.shutdownNow();
        }
        assertThat(seatHolders(course)).isEqualTo(1);
    }

    @Test
    void ofManyMembersRacingForTheLastSeatExactlyOneGetsIt() throws Exception {
        long course = created(course(1));
        int threads = 8;
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            members.add(member());
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<EnrolResult> results = new ArrayList<>();
        try {
            List<Future<EnrolResult>> futures = new ArrayList<>();
            for (long m : members) {
                futures.add(pool.submit(() -> {
                    await(start);
                    return training.enrol(course, m);
                }));
            }
            start.countDown();
            for (Future<EnrolResult> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(results).filteredOn(r -> r.outcome() == Outcome.ENROLLED).hasSize(1);
        assertThat(results).filteredOn(r -> r.outcome() == Outcome.FULL).hasSize(threads - 1);
        assertThat(seatHolders(course)).isEqualTo(1);
    }

    private int seatHolders(long course) {
        return jdbc.queryForObject("SELECT count(*) FROM enrolment WHERE course_id = ? AND status = 'ENROLLED'",
                Integer.class, course);
    }

    private void awaitABlockedStatement() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Integer waiting = jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND wait_event_type = 'Lock'", Integer.class);
            if (waiting != null && waiting > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the second enrolment never waited for the first one's lock");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
