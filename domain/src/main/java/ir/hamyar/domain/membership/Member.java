package ir.hamyar.domain.membership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The member aggregate. Created by {@link MemberInserts} (race-safe insert); changed only through its methods. */
@Entity
@Table(name = "member")
class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MemberStatus status;

    @Column(name = "full_name", length = 60)
    private String fullName;

    @Column(name = "phone_e164", length = 16)
    private String phoneE164;

    @Column(name = "phone_verified", nullable = false)
    private boolean phoneVerified;

    @Column(name = "national_code", length = 10)
    private String nationalCode;

    @Column(name = "birth_year")
    private Short birthYear;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Education education;

    @Column(length = 200)
    private String expertise;

    @Column(name = "province_id")
    private Short provinceId;

    @Column(name = "county_id")
    private Integer countyId;

    @Column(name = "terms_version", length = 32)
    private String termsVersion;

    @Column(name = "terms_accepted_at")
    private Instant termsAcceptedAt;

    @Column(nullable = false, length = 8)
    private String locale;

    @Column(name = "referral_code", length = 16)
    private String referralCode;

    @Column(name = "referred_by")
    private Long referredBy;

    @Column(name = "suspended_reason", length = 200)
    private String suspendedReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "erased_at")
    private Instant erasedAt;

    @Version
    @Column(nullable = false)
    private Long version;

    @ManyToMany
    @JoinTable(name = "member_interest",
            joinColumns = @JoinColumn(name = "member_id"),
            inverseJoinColumns = @JoinColumn(name = "working_group_id"))
    private Set<WorkingGroup> interests = new HashSet<>();

    protected Member() {
    }

    long id() {
        return id;
    }

    MemberStatus status() {
        return status;
    }

    String phoneE164() {
        return phoneE164;
    }

    String locale() {
        return locale;
    }

    String termsVersion() {
        return termsVersion;
    }

    void rename(String cleanName) {
        this.fullName = cleanName;
    }

    void changePhone(String e164, boolean verified) {
        this.phoneE164 = e164;
        this.phoneVerified = verified;
    }

    void changeBirthYear(int year) {
        this.birthYear = (short) year;
    }

    void changeEducation(Education level) {
        this.education = level;
    }

    void changeExpertise(String cleanExpertise) {
        this.expertise = cleanExpertise;
    }

    void moveTo(int provinceId, int countyId) {
        this.provinceId = (short) provinceId;
        this.countyId = countyId;
    }

    void replaceInterests(Set<WorkingGroup> groups) {
        interests.clear();
        interests.addAll(groups);
    }

    void switchLocale(String locale) {
        this.locale = locale;
    }

    void acceptTerms(String version, Instant at) {
        this.termsVersion = version;
        this.termsAcceptedAt = at;
    }

    /** @return false when the member is not active (and so cannot be suspended) */
    boolean suspend(String reason) {
        if (status != MemberStatus.ACTIVE) {
            return false;
        }
        status = MemberStatus.SUSPENDED;
        suspendedReason = reason;
        return true;
    }

    /** @return false when the member is not suspended */
    boolean reinstate() {
        if (status != MemberStatus.SUSPENDED) {
            return false;
        }
        status = MemberStatus.ACTIVE;
        suspendedReason = null;
        return true;
    }

    /**
     * Empties every personal field. The row stays (other modules' rows reference it) but says nothing about
     * the person any more: no name, contact, code, birth year, education, place, interests or inviter.
     */
    void erase(Instant at) {
        status = MemberStatus.ERASED;
        erasedAt = at;
        fullName = null;
        phoneE164 = null;
        phoneVerified = false;
        nationalCode = null;
        birthYear = null;
        education = null;
        expertise = null;
        provinceId = null;
        countyId = null;
        referralCode = null;
        referredBy = null;
        suspendedReason = null;
        interests.clear();
    }

    private List<String> interestCodes() {
        return interests.stream()
                .sorted(Comparator.comparingInt(WorkingGroup::sortOrder).thenComparing(WorkingGroup::id))
                .map(WorkingGroup::code)
                .toList();
    }

    MemberView toView(List<LinkedAccount> accounts) {
        return new MemberView(id, status, fullName, phoneE164, phoneVerified, nationalCode,
                birthYear == null ? null : birthYear.intValue(), education, expertise,
                provinceId == null ? null : provinceId.intValue(), countyId, interestCodes(), locale,
                referralCode, referredBy, createdAt, accounts);
    }

    MemberExport toExport(long referralCount, List<MemberExport.Account> accounts) {
        return new MemberExport(id, status, fullName, phoneE164, phoneVerified, nationalCode,
                birthYear == null ? null : birthYear.intValue(), education, expertise,
                provinceId == null ? null : provinceId.intValue(), countyId, interestCodes(), locale,
                referralCode, referredBy, referralCount, termsVersion, termsAcceptedAt, suspendedReason,
                createdAt, erasedAt, accounts);
    }
}
