package ir.hamyar.bot.admin;

import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdminsTests {

    @Test
    void readsTelegramAndBaleAdminsAndSkipsMalformedEntries() {
        assertThat(Admins.parse(" telegram:42, bale:7 ,nonsense, whatsapp:1, telegram:x"))
                .containsExactly(new Admins.Admin(Platform.TELEGRAM, 42), new Admins.Admin(Platform.BALE, 7));
        assertThat(Admins.parse("")).isEmpty();
    }
}
