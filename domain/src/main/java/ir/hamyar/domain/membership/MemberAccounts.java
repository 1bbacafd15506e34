package ir.hamyar.domain.membership;

import ir.hamyar.domain.shared.Platform;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface MemberAccounts extends Repository<MemberAccount, Long> {

    boolean existsByPlatformAndUserId(Platform platform, Long userId);

    boolean existsByMemberIdAndPlatform(Long memberId, Platform platform);

    List<MemberAccount> findByMemberIdOrderByLinkedAtAscIdAsc(Long memberId);

    Optional<MemberAccount> findFirstByMemberIdOrderByLastSeenAtDescIdDesc(Long memberId);

    /**
     * Moves last-seen forward only, so updates processed out of order cannot move it back. One guarded UPDATE
     * on the unique index: this runs for every incoming update. The persistence context is not cleared (that
     * would detach the caller's entities); call it before reading the account in the same transaction.
     * In SQL: Hibernate caches the SQL of no HQL update and translated this one again on every call.
     */
    @Modifying(flushAutomatically = true)
    @Query(value = "UPDATE member_account SET last_seen_at = :at, chat_id = :chatId"
            + " WHERE platform = :platform AND user_id = :userId AND last_seen_at < :at", nativeQuery = true)
    int touch(String platform, Long userId, Long chatId, Instant at);

    @Modifying(flushAutomatically = true)
    @Query("delete from MemberAccount a where a.memberId = :memberId")
    int deleteByMember(Long memberId);
}
