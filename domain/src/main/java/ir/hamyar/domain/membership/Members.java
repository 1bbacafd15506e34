package ir.hamyar.domain.membership;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;

interface Members extends Repository<Member, Long> {

    Optional<Member> findById(Long id);

    /**
     * A member with its interests in the same query, for its view (which lists them all): loaded lazily they were a
     * second query per view, and views are read for every {@code /profile}. A fetch join, not an entity graph:
     * Hibernate caches the SQL of a query but not of one with an entity graph, which it translated again on every
     * call (about 3 % of the workers' CPU samples under load, by a profile of the load benchmark).
     */
    @Query("select m from Member m left join fetch m.interests where m.id = :id")
    Optional<Member> findWithInterestsById(Long id);

    @Query("select m.id from Member m where m.phoneE164 = :e164 and m.phoneVerified = true"
            + " and m.status <> ir.hamyar.domain.membership.MemberStatus.ERASED order by m.id")
    List<Long> idsWithVerifiedPhone(String e164);

    @Query("select m.id from Member m where m.referralCode = :code")
    Optional<Long> idByReferralCode(String code);

    long countByReferredBy(Long referrerId);
}
