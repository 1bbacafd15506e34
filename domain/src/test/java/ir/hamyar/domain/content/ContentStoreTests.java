package ir.hamyar.domain.content;

import ir.hamyar.domain.appointments.DomainScenario;
import ir.hamyar.domain.audit.Actor;
import ir.hamyar.domain.audit.AuditEntry;
import ir.hamyar.domain.audit.AuditFilter;
import ir.hamyar.domain.audit.AuditTrail;
import ir.hamyar.domain.content.EditResult.Reason;
import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContentStoreTests extends DomainScenario {

    private static final Actor ADMIN = Actor.account(Platform.TELEGRAM, 1, null);

    @Autowired
    ContentStore store;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    ObjectProvider<Clock> clocks;

    @Test
    void eachEditIsANewVersionAndTheOldOnesStay() {
        assertThat(store.current(ContentCodes.ABOUT)).as("never edited: the shipped text applies").isEmpty();
        assertThat(store.version(ContentCodes.ABOUT)).isZero();

        assertThat(store.publish(ADMIN, ContentCodes.ABOUT, "  درباره‌ی همیار  ", null))
                .isEqualTo(new EditResult.Done(ContentCodes.ABOUT, 1));
        assertThat(store.publish(ADMIN, ContentCodes.ABOUT, "نسخهٔ دوم", "Second version"))
                .isEqualTo(new EditResult.Done(ContentCodes.ABOUT, 2));

        ContentVersion now = store.current(ContentCodes.ABOUT).orElseThrow();
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.text("fa")).isEqualTo("نسخهٔ دوم");
        assertThat(now.text("en")).isEqualTo("Second version");
        assertThat(now.editor()).isEqualTo(ADMIN);
        assertThat(now.editedAt()).isEqualTo(clock.instant());

        List<ContentVersion> history = store.history(ContentCodes.ABOUT, 10);
        assertThat(history).extracting(ContentVersion::version).containsExactly(2, 1);
        assertThat(history.get(1).fa()).as("trimmed").isEqualTo("درباره‌ی همیار");

        List<AuditEntry> entries = audit.list(new AuditFilter(ContentCodes.ABOUT, null, null, null, ContentStore.EDITED, null, null, null));
        assertThat(entries)
                .extracting(AuditEntry::reason).containsExactly("2", "1");
    }

    @Test
    void aVersionWithoutEnglishShowsEnglishReadersThePersianText() {
        String code = ContentCodes.interest("zz_fallback");
        store.publish(ADMIN, code, "قدیمی", "Old");
        store.publish(ADMIN, code, "تازه", null);

        ContentVersion now = store.current(code).orElseThrow();
        assertThat(now.en()).isNull();
        assertThat(now.text("en")).as("not the older English label").isEqualTo("تازه");
    }

    @Test
    void refusesBadTextsAndChangesNothing() {
        String code = ContentCodes.category("zz_refusals");
        assertThat(store.publish(ADMIN, "no_such_text", "متن", null)).isEqualTo(EditResult.refused(Reason.UNKNOWN));
        assertThat(store.publish(ADMIN, code, "   ", "Label")).isEqualTo(EditResult.refused(Reason.EMPTY));
        assertThat(store.publish(ADMIN, code, "ا".repeat(ContentCodes.MAX_LABEL + 1), null))
                .isEqualTo(EditResult.refused(Reason.TOO_LONG));
        assertThat(store.publish(ADMIN, code, "دو\nخط", null)).isEqualTo(EditResult.refused(Reason.MULTI_LINE));
        assertThat(store.current(code)).isEmpty();

        assertThat(store.publish(ADMIN, code, "برچسب", "Label").done()).isTrue();
        assertThat(store.publish(ADMIN, code, "برچسب ", "Label")).isEqualTo(EditResult.refused(Reason.UNCHANGED));
        assertThat(store.history(code, 10)).hasSize(1);
        assertThat(store.publish(ADMIN, ContentCodes.OFFICE_RULES, "ق".repeat(ContentCodes.MAX_TEXT), null).done())
                .as("a long text fits up to its limit").isTrue();
    }

    @Test
    void anotherInstanceSeesAnEditOnceItsCacheTtlHasPassed() {
        ContentStore otherInstance = new ContentStore(jdbcClient, audit, clocks, new ContentSettings(Duration.ofSeconds(30)));
        String code = ContentCodes.interest("zz_instances");
        store.publish(ADMIN, code, "یک", null);
        assertThat(otherInstance.current(code).orElseThrow().fa()).isEqualTo("یک");

        store.publish(ADMIN, code, "دو", null);
        assertThat(store.current(code).orElseThrow().fa()).as("the editing instance at once").isEqualTo("دو");
        assertThat(otherInstance.current(code).orElseThrow().fa()).as("still cached").isEqualTo("یک");

        clock.advance(Duration.ofSeconds(31));
        assertThat(otherInstance.current(code).orElseThrow().fa()).isEqualTo("دو");
    }
}
