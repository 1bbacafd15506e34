package ir.hamyar.domain.membership;

import ir.hamyar.domain.membership.RegistrationResult.Reason;
import ir.hamyar.domain.membership.RegistrationResult.Registered;
import ir.hamyar.domain.membership.RegistrationResult.Rejected;
import ir.hamyar.domain.shared.NationalCode;
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

class ConcurrentRegistrationTests extends MembershipTestSupport {

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * Forces the race: the first registration has inserted its member but not committed when the second one
     * (whose checks therefore saw nothing) inserts the same national code and has to wait for the first.
     */
    @Test
    void whenTwoRegistrationsWithOneNationalCodeOverlapTheSecondGetsDuplicate() throws Exception {
        NationalCode code = newNationalCode();
        Form first = form().nationalCode(code);
        Form second = form().nationalCode(code);
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<RegistrationResult> firstResult = pool.submit(() -> new TransactionTemplate(transactions)
                    .execute(tx -> {
                        RegistrationResult r = membership.register(first.build());
                        firstInserted.countDown();
                        await(commitFirst);
                        return r;
                    }));
            assertThat(firstInserted.await(30, TimeUnit.SECONDS)).isTrue();
            Future<RegistrationResult> secondResult = pool.submit(() -> membership.register(second.build()));
            awaitABlockedStatement();
            commitFirst.countDown();

            assertThat(firstResult.get(30, TimeUnit.SECONDS)).isInstanceOf(Registered.class);
            assertThat(secondResult.get(30, TimeUnit.SECONDS)).isEqualTo(new Rejected(Reason.DUPLICATE_NATIONAL_CODE));
        } finally {
            commitFirst.countDown();
            pool.shutdownNow();
        }
        assertThat(membersWithNationalCode(code)).isEqualTo(1);
        assertThat(accountsOfUser(second.userId)).isZero();
    }

    @Test
    void ofManyConcurrentRegistrationsWithOneNationalCodeExactlyOneWins() throws Exception {
        NationalCode code = newNationalCode();
        int threads = 6;
        List<Form> forms = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            forms.add(form().nationalCode(code));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<RegistrationResult> results = new ArrayList<>();
        try {
            List<Future<RegistrationResult>> futures = new ArrayList<>();
            for (Form f : forms) {
                futures.add(pool.submit(() -> {
                    await(start);
                    return membership.register(f.build());
                }));
            }
            start.countDown();
            for (Future<RegistrationResult> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(results).filteredOn(r -> r instanceof Registered).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof Rejected).hasSize(threads - 1)
                .allMatch(r -> r.equals(new Rejected(Reason.DUPLICATE_NATIONAL_CODE)));
        assertThat(membersWithNationalCode(code)).isEqualTo(1);
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
        throw new AssertionError("the second registration never waited for the first one's insert");
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
