package ir.hamyar.domain.membership;

import ir.hamyar.domain.audit.Actor;
import ir.hamyar.domain.audit.AuditTrail;
import ir.hamyar.domain.membership.RegistrationResult.Reason;
import ir.hamyar.domain.membership.RegistrationResult.Registered;
import ir.hamyar.domain.membership.RegistrationResult.Rejected;
import ir.hamyar.domain.shared.PhoneNumber;
import ir.hamyar.domain.shared.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The membership façade. Every answer is a result code or a view; bad input changes nothing. Methods join
 * the caller's transaction (the bot runs one per update) and never leave it rollback-only for an expected
 * outcome such as a duplicate national code. Logs carry member ids only, never personal data.
 */
@Service
@Transactional
public class Membership {

    private static final Logger log = LoggerFactory.getLogger(Membership.class);
    private static final int REFERRAL_CODE_ATTEMPTS = 5;

    /** Audit codes of status decisions; the subject is the member ({@link #AUDIT_SUBJECT}). */
    public static final String SUSPENDED_AUDIT = "MEMBER_SUSPENDED";
    public static final String REINSTATED_AUDIT = "MEMBER_REINSTATED";
    public static final String AUDIT_SUBJECT = "MEMBER";

    private final Members members;
    private final MemberAccounts accounts;
    private final WorkingGroups workingGroups;
    private final MemberRules rules;
    private final MemberInserts inserts;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final MemberStandings standings;

    Membership(Members members, MemberAccounts accounts, WorkingGroups workingGroups, MemberRules rules,
               MemberInserts inserts, ApplicationEventPublisher events, AuditTrail audit, MemberStandings standings) {
        this.standings = standings;
        this.audit = audit;
        this.members = members;
        this.accounts = accounts;
        this.workingGroups = workingGroups;
        this.rules = rules;
        this.inserts = inserts;
        this.events = events;
    }

    // ---- lookups ----

    @Transactional(readOnly = true)
    public Optional<MemberView> findByAccount(Platform platform, long userId) {
        // the account by plain SQL (MemberStandings, empty for no platform): one repository query and its proxies less per lookup
        return standings.of(platform, userId).flatMap(a -> find(a.memberId()));
    }

    @Transactional(readOnly = true)
    public Optional<MemberView> find(long memberId) {
        return members.findWithInterestsById(memberId).map(this::view);
    }

    @Transactional(readOnly = true)
    public List<WorkingGroupView> workingGroups() {
        return workingGroups.active().stream().map(WorkingGroup::toView).toList();
    }

    /** Every working group, retired ones included, in display order (for the admins' list editor). */
    @Transactional(readOnly = true)
    public List<WorkingGroupView> allWorkingGroups() {
        return workingGroups.all().stream().map(WorkingGroup::toView).toList();
    }

    /** Adds a working group at the end of the list; false for a malformed or existing code. */
    public boolean addWorkingGroup(String code) {
        if (code == null || !code.matches("[a-z][a-z0-9_]{1,31}") || workingGroups.findByCode(code).isPresent()) {
            return false;
        }
        return workingGroups.insert(code, workingGroups.maxSortOrder() + 10) == 1;
    }

    /**
     * Retires a working group (no longer offered; members who chose it keep it) or brings it back. False for an
     * unknown code or when it already is so.
     */
    public boolean setWorkingGroupActive(String code, boolean active) {
        Optional<WorkingGroup> group = code == null ? Optional.empty() : workingGroups.findByCode(code);
        if (group.isEmpty() || group.get().active() == active) {
            return false;
        }
        group.get().setActive(active);
        return true;
    }

    // ---- registration and accounts ----

    /**
     * Creates a member bound to the sending account. Checked in this order: the account is free, the form is
     * valid, the verified phone is nobody else's (else link instead), the national code is free. Race-safe:
     * of two concurrent registrations with one national code exactly one succeeds.
     */
    public RegistrationResult register(Registration cmd) {
        Objects.requireNonNull(cmd.platform(), "platform");
        if (accounts.existsByPlatformAndUserId(cmd.platform(), cmd.userId())) {
            return new Rejected(Reason.ALREADY_REGISTERED);
        }
        Optional<String> name = rules.name(cmd.fullName());
        if (name.isEmpty()) {
            return new Rejected(Reason.INVALID_NAME);
        }
        if (!rules.phone(cmd.phone())) {
            return new Rejected(Reason.INVALID_PHONE);
        }
        if (cmd.nationalCode() == null) {
            return new Rejected(Reason.INVALID_NATIONAL_CODE);
        }
        if (!rules.birthYear(cmd.birthYear())) {
            return new Rejected(Reason.INVALID_BIRTH_YEAR);
        }
        Optional<Education> education = Education.ofCode(cmd.education());
        if (education.isEmpty()) {
            return new Rejected(Reason.INVALID_EDUCATION);
        }
        if (!rules.expertise(cmd.expertise())) {
            return new Rejected(Reason.INVALID_EXPERTISE);
        }
        if (!rules.countyInProvince(cmd.provinceId(), cmd.countyId())) {
            return new Rejected(Reason.COUNTY_NOT_IN_PROVINCE);
        }
        Optional<Set<WorkingGroup>> interests = rules.interests(cmd.interestCodes());
        if (interests.isEmpty()) {
            return new Rejected(Reason.UNKNOWN_INTEREST);
        }
        Optional<String> locale = rules.locale(cmd.locale());
        if (locale.isEmpty()) {
            return new Rejected(Reason.INVALID_LOCALE);
        }
        if (!rules.terms(cmd.termsVersion(), cmd.termsAcceptedAt())) {
            return new Rejected(Reason.TERMS_NOT_ACCEPTED);
        }
        if (cmd.phoneVerified() && !members.idsWithVerifiedPhone(cmd.phone().e164()).isEmpty()) {
            return new Rejected(Reason.PHONE_OF_OTHER_MEMBER_LINK_POSSIBLE);
        }
        String nationalCode = cmd.nationalCode().value();
        if (inserts.nationalCodeTaken(nationalCode)) {
            return new Rejected(Reason.DUPLICATE_NATIONAL_CODE);
        }

        Long referredBy = memberIdByReferralCode(cmd.referralCode()).orElse(null);
        Instant now = rules.now();
        OptionalLong inserted = OptionalLong.empty();
        for (int attempt = 0; attempt < REFERRAL_CODE_ATTEMPTS && inserted.isEmpty(); attempt++) {
            inserted = inserts.insertMember(new MemberInserts.NewMember(name.get(), cmd.phone().e164(),
                    cmd.phoneVerified(), nationalCode, cmd.birthYear(), education.get(),
                    rules.cleanExpertise(cmd.expertise()), cmd.provinceId(), cmd.countyId(),
                    cmd.termsVersion().strip(), cmd.termsAcceptedAt(), locale.get(), ReferralCodes.generate(),
                    referredBy, now));
            if (inserted.isEmpty() && inserts.nationalCodeTaken(nationalCode)) {
                return new Rejected(Reason.DUPLICATE_NATIONAL_CODE); // lost the race to a concurrent registration
            }
        }
        long memberId = inserted.orElseThrow(() -> new IllegalStateException("no free referral code found"));
        if (!inserts.insertAccount(memberId, cmd.platform(), cmd.userId(), cmd.chatId(), now)) {
            inserts.deleteUnboundMember(memberId); // the same account registered concurrently and won
            return new Rejected(Reason.ALREADY_REGISTERED);
        }
        inserts.insertInterests(memberId, interests.get());
        events.publishEvent(new MemberRegistered(memberId, cmd.platform(), referredBy));
        log.info("member {} registered from {}", memberId, cmd.platform());
        return new Registered(find(memberId).orElseThrow());
    }

    /**
     * Binds this messenger account to the member who owns {@code verifiedPhone} as a verified phone — the
     * same person arriving from the other messenger. The caller must pass only a phone the sender proved
     * (their own shared contact).
     */
    /** Whether a member already holds this number as verified: the form then offers to link instead. */
    @Transactional(readOnly = true)
    public boolean hasMemberWithVerifiedPhone(PhoneNumber phone) {
        return phone != null && !members.idsWithVerifiedPhone(phone.e164()).isEmpty();
    }

    public LinkResult linkAccount(Platform platform, long userId, long chatId, PhoneNumber verifiedPhone) {
        Objects.requireNonNull(platform, "platform");
        if (accounts.existsByPlatformAndUserId(platform, userId)) {
            return new LinkResult.Rejected(LinkResult.Reason.ACCOUNT_ALREADY_LINKED);
        }
        List<Long> owners = verifiedPhone == null ? List.of() : members.idsWithVerifiedPhone(verifiedPhone.e164());
        if (owners.isEmpty()) {
            return new LinkResult.Rejected(LinkResult.Reason.NO_MEMBER_WITH_PHONE);
        }
        long memberId = owners.get(0);
        if (accounts.existsByMemberIdAndPlatform(memberId, platform)) {
            return new LinkResult.Rejected(LinkResult.Reason.MEMBER_HAS_ACCOUNT_ON_PLATFORM);
        }
        if (!inserts.insertAccount(memberId, platform, userId, chatId, rules.now())) {
            return new LinkResult.Rejected(accounts.existsByPlatformAndUserId(platform, userId)
                    ? LinkResult.Reason.ACCOUNT_ALREADY_LINKED
                    : LinkResult.Reason.MEMBER_HAS_ACCOUNT_ON_PLATFORM);
        }
        log.info("member {} linked an account on {}", memberId, platform);
        return new LinkResult.Linked(find(memberId).orElseThrow());
    }

    /**
     * Records that this account just spoke to the bot from {@code chatId} (call it for private chats), so
     * notifications go where the member last was. Does nothing for an account that is no member's.
     */
    public void touch(Platform platform, long userId, long chatId, Instant at) {
        if (platform != null && at != null) {
            accounts.touch(platform.name(), userId, chatId, at);
        }
    }

    /** The member's most recently seen account, in the member's language; empty when there is none. */
    @Transactional(readOnly = true)
    public Optional<Recipient> preferredRecipient(long memberId) {
        return members.findById(memberId)
                .filter(m -> m.status() != MemberStatus.ERASED)
                .flatMap(m -> accounts.findFirstByMemberIdOrderByLastSeenAtDescIdDesc(memberId)
                        .map(a -> new Recipient(a.platform(), a.chatId(), m.locale())));
    }

    /** The account the member last used (where account-bound roles are granted); empty when there is none. */
    @Transactional(readOnly = true)
    public Optional<AccountId> lastUsedAccount(long memberId) {
        return members.findById(memberId)
                .filter(m -> m.status() != MemberStatus.ERASED)
                .flatMap(m -> accounts.findFirstByMemberIdOrderByLastSeenAtDescIdDesc(memberId)
                        .map(a -> new AccountId(a.platform(), a.userId())));
    }

    // ---- referrals ----

    @Transactional(readOnly = true)
    public Optional<Long> memberIdByReferralCode(String code) {
        return ReferralCodes.parse(code).flatMap(members::idByReferralCode);
    }

    @Transactional(readOnly = true)
    public long referralCount(long memberId) {
        return members.countByReferredBy(memberId);
    }

    // ---- profile ----

    public UpdateResult updateProfile(long memberId, ProfileChange change) {
        Objects.requireNonNull(change, "change");
        Optional<Member> found = members.findById(memberId);
        if (found.isEmpty()) {
            return rejected(UpdateResult.Reason.NO_SUCH_MEMBER);
        }
        Member member = found.get();
        if (change instanceof ProfileChange.NationalCodeChange) {
            return rejected(UpdateResult.Reason.NATIONAL_CODE_CHANGE_NOT_ALLOWED);
        }
        boolean languageOfSuspended = change instanceof ProfileChange.Language
                && member.status() == MemberStatus.SUSPENDED;
        if (member.status() != MemberStatus.ACTIVE && !languageOfSuspended) {
            return rejected(UpdateResult.Reason.MEMBER_NOT_ACTIVE);
        }
        Optional<UpdateResult.Reason> refusal = apply(member, change);
        if (refusal.isPresent()) {
            return rejected(refusal.get());
        }
        return new UpdateResult.Updated(view(member));
    }

    /** Applies one validated change; the refusal reason otherwise (then nothing changed). */
    private Optional<UpdateResult.Reason> apply(Member member, ProfileChange change) {
        if (change instanceof ProfileChange.FullName c) {
            Optional<String> name = rules.name(c.fullName());
            name.ifPresent(member::rename);
            return name.isPresent() ? Optional.empty() : Optional.of(UpdateResult.Reason.INVALID_NAME);
        }
        if (change instanceof ProfileChange.Phone c) {
            if (!rules.phone(c.phone())) {
                return Optional.of(UpdateResult.Reason.INVALID_PHONE);
            }
            if (c.verified() && members.idsWithVerifiedPhone(c.phone().e164()).stream()
                    .anyMatch(id -> id != member.id())) {
                return Optional.of(UpdateResult.Reason.PHONE_OF_OTHER_MEMBER);
            }
            member.changePhone(c.phone().e164(), c.verified());
            return Optional.empty();
        }
        if (change instanceof ProfileChange.BirthYear c) {
            if (!rules.birthYear(c.birthYear())) {
                return Optional.of(UpdateResult.Reason.INVALID_BIRTH_YEAR);
            }
            member.changeBirthYear(c.birthYear());
            return Optional.empty();
        }
        if (change instanceof ProfileChange.EducationLevel c) {
            Optional<Education> level = Education.ofCode(c.education());
            level.ifPresent(member::changeEducation);
            return level.isPresent() ? Optional.empty() : Optional.of(UpdateResult.Reason.INVALID_EDUCATION);
        }
        if (change instanceof ProfileChange.Expertise c) {
            if (!rules.expertise(c.expertise())) {
                return Optional.of(UpdateResult.Reason.INVALID_EXPERTISE);
            }
            member.changeExpertise(rules.cleanExpertise(c.expertise()));
            return Optional.empty();
        }
        if (change instanceof ProfileChange.Region c) {
            if (!rules.countyInProvince(c.provinceId(), c.countyId())) {
                return Optional.of(UpdateResult.Reason.COUNTY_NOT_IN_PROVINCE);
            }
            member.moveTo(c.provinceId(), c.countyId());
            return Optional.empty();
        }
        if (change instanceof ProfileChange.Interests c) {
            Optional<Set<WorkingGroup>> groups = rules.interests(c.interestCodes());
            groups.ifPresent(member::replaceInterests);
            return groups.isPresent() ? Optional.empty() : Optional.of(UpdateResult.Reason.UNKNOWN_INTEREST);
        }
        if (change instanceof ProfileChange.Language c) {
            Optional<String> locale = c.locale() == null ? Optional.empty() : rules.locale(c.locale());
            locale.ifPresent(member::switchLocale);
            return locale.isPresent() ? Optional.empty() : Optional.of(UpdateResult.Reason.INVALID_LOCALE);
        }
        throw new IllegalArgumentException("unhandled profile change " + change.getClass().getSimpleName());
    }

    private static UpdateResult rejected(UpdateResult.Reason reason) {
        return new UpdateResult.Rejected(reason);
    }

    // ---- terms ----

    /** Records acceptance of a terms version; false (and nothing changed) for an unknown or erased member. */
    public boolean acceptTerms(long memberId, String version, Instant at) {
        if (!rules.terms(version, at)) {
            return false;
        }
        Optional<Member> member = members.findById(memberId).filter(m -> m.status() != MemberStatus.ERASED);
        member.ifPresent(m -> m.acceptTerms(version.strip(), at));
        return member.isPresent();
    }

    /** True when a (non-erased) member last accepted another terms version than {@code currentVersion}. */
    @Transactional(readOnly = true)
    public boolean needsTermsAcceptance(long memberId, String currentVersion) {
        return members.findById(memberId)
                .filter(m -> m.status() != MemberStatus.ERASED)
                .map(m -> !Objects.equals(m.termsVersion(), currentVersion))
                .orElse(false);
    }

    // ---- status ----

    /** Suspends an active member on the system's own account (see {@link #suspend(Actor, long, String)}). */
    public StatusChangeResult suspend(long memberId, String reason) {
        return suspend(Actor.system(), memberId, reason);
    }

    /**
     * Suspends an active member; the reason (free text, at most 200 characters kept) is for the member. The
     * decision is recorded in the audit trail ({@link #SUSPENDED_AUDIT}) in the same transaction.
     */
    public StatusChangeResult suspend(Actor by, long memberId, String reason) {
        Optional<Member> found = members.findById(memberId);
        if (found.isEmpty()) {
            return StatusChangeResult.NO_SUCH_MEMBER;
        }
        Member member = found.get();
        if (member.status() == MemberStatus.SUSPENDED) {
            return StatusChangeResult.UNCHANGED;
        }
        if (!member.suspend(MemberRules.reason(reason))) {
            return StatusChangeResult.NOT_ALLOWED;
        }
        audit.record(by, SUSPENDED_AUDIT, AUDIT_SUBJECT, memberId, null, MemberRules.reason(reason));
        events.publishEvent(new MemberSuspended(memberId));
        log.info("member {} suspended", memberId);
        return StatusChangeResult.CHANGED;
    }

    public StatusChangeResult reinstate(long memberId) {
        return reinstate(Actor.system(), memberId, null);
    }

    /** Makes a suspended member active again, recorded in the audit trail ({@link #REINSTATED_AUDIT}). */
    public StatusChangeResult reinstate(Actor by, long memberId, String reason) {
        Optional<Member> found = members.findById(memberId);
        if (found.isEmpty()) {
            return StatusChangeResult.NO_SUCH_MEMBER;
        }
        Member member = found.get();
        if (member.status() == MemberStatus.ACTIVE) {
            return StatusChangeResult.UNCHANGED;
        }
        if (!member.reinstate()) {
            return StatusChangeResult.NOT_ALLOWED;
        }
        audit.record(by, REINSTATED_AUDIT, AUDIT_SUBJECT, memberId, null, MemberRules.reason(reason));
        events.publishEvent(new MemberReinstated(memberId));
        log.info("member {} reinstated", memberId);
        return StatusChangeResult.CHANGED;
    }

    // ---- export and erasure ----

    /** Everything this module holds about the member; empty for an unknown id. */
    @Transactional(readOnly = true)
    public Optional<MemberExport> export(long memberId) {
        return members.findById(memberId).map(m -> m.toExport(members.countByReferredBy(memberId),
                accounts.findByMemberIdOrderByLinkedAtAscIdAsc(memberId).stream()
                        .map(MemberAccount::toExport).toList()));
    }

    /**
     * Erases the member's personal data and messenger bindings; the row stays, anonymous, because other
     * modules' records point at it. Publishes {@link MemberErased} so they erase or anonymise their part.
     */
    public ErasureResult erase(long memberId, Instant at) {
        Optional<Member> found = members.findById(memberId);
        if (found.isEmpty()) {
            return ErasureResult.NO_SUCH_MEMBER;
        }
        Member member = found.get();
        if (member.status() == MemberStatus.ERASED) {
            return ErasureResult.ALREADY_ERASED;
        }
        Instant when = at == null ? rules.now() : at;
        accounts.deleteByMember(memberId);
        member.erase(when);
        events.publishEvent(new MemberErased(memberId, when));
        log.info("member {} erased", memberId);
        return ErasureResult.ERASED;
    }

    private MemberView view(Member member) {
        return member.toView(accounts.findByMemberIdOrderByLinkedAtAscIdAsc(member.id()).stream()
                .map(MemberAccount::toLinkedAccount).toList());
    }
}
