package ir.hamyar.domain.membership;

import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ErasureTests extends MembershipTestSupport {

    @Test
    void erasureLeavesNothingIdentifyingBehind() {
        Form form = form().fullName("پرویز ناتل خانلری").expertise("ادبیات فارسی").interests(Set.of("cultural"));
        MemberView member = registered(form);
        long baleUser = newUserId();
        membership.linkAccount(Platform.BALE, baleUser, baleUser, form.phone);
        MemberView invitee = registered(form().referralCode(member.referralCode()));
        Instant at = NOW.plusSeconds(3600);

        assertThat(membership.erase(member.id(), at)).isEqualTo(ErasureResult.ERASED);

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM member WHERE id = ?", member.id());
        assertThat(row).containsEntry("status", "ERASED").containsEntry("phone_verified", false);
        for (String column : new String[] {"full_name", "phone_e164", "national_code", "birth_year", "education",
                "expertise", "province_id", "county_id", "referral_code", "referred_by", "suspended_reason"}) {
            assertThat(row.get(column)).as(column).isNull();
        }
        assertThat(row.get("erased_at")).isNotNull();
        for (String value : new String[] {form.fullName, form.phone.e164(), form.phone.e164().substring(3),
                form.nationalCode.value(), form.expertise, Long.toString(form.userId), Long.toString(baleUser)}) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM member m WHERE CAST(m AS TEXT) LIKE ?",
                    Integer.class, "%" + value + "%")).as("member rows mentioning a personal value").isZero();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM member_account WHERE member_id = ? OR user_id IN (?, ?)",
                Integer.class, member.id(), form.userId, baleUser)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM member_interest WHERE member_id = ?",
                Integer.class, member.id())).isZero();

        assertThat(events.stream(MemberErased.class)).containsExactly(new MemberErased(member.id(), at));
        assertThat(membership.findByAccount(Platform.TELEGRAM, form.userId)).isEmpty();
        assertThat(membership.findByAccount(Platform.BALE, baleUser)).isEmpty();
        assertThat(membership.preferredRecipient(member.id())).isEmpty();
        assertThat(membership.find(member.id()).orElseThrow().status()).isEqualTo(MemberStatus.ERASED);
        // the invitee's own record is theirs: it still says who invited them, now an anonymous row
        assertThat(membership.find(invitee.id()).orElseThrow().referredBy()).isEqualTo(member.id());
    }

    @Test
    void anErasedPersonMayRegisterAgainFromTheSameAccount() {
        Form form = form();
        MemberView member = registered(form);
        membership.erase(member.id(), NOW);
        MemberView again = registered(form().platform(Platform.TELEGRAM, form.userId)
                .nationalCode(form.nationalCode).phone(form.phone, true));
        assertThat(again.id()).isNotEqualTo(member.id());
    }

    @Test
    void erasingTwiceOrAnUnknownMemberChangesNothing() {
        long id = registered(form()).id();
        assertThat(membership.erase(id, NOW)).isEqualTo(ErasureResult.ERASED);
        assertThat(membership.erase(id, NOW.plusSeconds(1))).isEqualTo(ErasureResult.ALREADY_ERASED);
        assertThat(membership.erase(-1, NOW)).isEqualTo(ErasureResult.NO_SUCH_MEMBER);
        assertThat(events.stream(MemberErased.class)).containsExactly(new MemberErased(id, NOW));
    }

    @Test
    void exportHoldsEverythingKnownAboutTheMember() {
        Form form = form().expertise("پزشکی").interests(Set.of("health"));
        MemberView member = registered(form);
        long baleUser = newUserId();
        membership.linkAccount(Platform.BALE, baleUser, baleUser, form.phone);

        MemberExport export = membership.export(member.id()).orElseThrow();

        assertThat(export.memberId()).isEqualTo(member.id());
        assertThat(export.fullName()).isEqualTo(form.fullName);
        assertThat(export.phone()).isEqualTo(form.phone.e164());
        assertThat(export.nationalCode()).isEqualTo(form.nationalCode.value());
        assertThat(export.birthYear()).isEqualTo(form.birthYear);
        assertThat(export.education()).isEqualTo(Education.BACHELOR);
        assertThat(export.expertise()).isEqualTo("پزشکی");
        assertThat(export.countyId()).isEqualTo(form.countyId);
        assertThat(export.interestCodes()).containsExactly("health");
        assertThat(export.referralCode()).isEqualTo(member.referralCode());
        assertThat(export.termsVersion()).isEqualTo(form.termsVersion);
        assertThat(export.createdAt()).isEqualTo(NOW);
        assertThat(export.accounts()).extracting(MemberExport.Account::platform, MemberExport.Account::userId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Platform.TELEGRAM, form.userId),
                        org.assertj.core.groups.Tuple.tuple(Platform.BALE, baleUser));
        assertThat(membership.export(-1)).isEmpty();
    }
}
