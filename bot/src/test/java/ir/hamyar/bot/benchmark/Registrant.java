package ir.hamyar.bot.benchmark;

import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.scenario.Chatter;
import ir.hamyar.messages.ChatText;
import ir.hamyar.messages.Texts;

import java.time.Duration;

/** One person walking the whole registration form with good answers (15 updates), as a user would: reply by reply. */
final class Registrant {

    static final int UPDATES_PER_REGISTRATION = 15;

    private Registrant() {
    }

    static String t(String key, Object... args) {
        return ChatText.htmlToPlain(Texts.get(Texts.FA, key, args));
    }

    /** Registers user {@code n} (unique phone and national code derived from it). */
    static void register(FakeBot bot, long userId, int n, Duration replyTimeout) {
        Chatter c = new Chatter(bot, userId, "Reg" + n).withReplyTimeout(replyTimeout);
        String name = "عضو آزمایشی";
        c.sends("/start").awaitReplyMatching(m -> m.inlineLabels().contains(t("membership.terms_accept")));
        c.taps(t("membership.terms_accept")).awaitReplyContaining(t("membership.ask_phone"));
        c.sharesOwnContact(String.format("+98912%07d", n)).awaitReplyContaining(t("membership.ask_name"));
        c.sends(name).awaitReplyContaining(t("membership.ask_national_code"));
        c.sends(nationalCode(100_000_000 + n)).awaitReplyContaining(t("membership.ask_birth_year"));
        c.sends("۱۳۷۰").awaitReplyContaining(t("membership.ask_education"));
        c.taps(t("membership.education.BACHELOR")).awaitReplyContaining(t("membership.ask_expertise"));
        c.taps(t("common.skip")).awaitReplyContaining(t("membership.ask_province"));
        c.taps("تهران").awaitReplyContaining(t("membership.ask_county", "تهران"));
        c.sends("تهر").awaitReplyContaining(t("membership.ask_county", "تهران"));
        c.taps("تهران").awaitReplyContaining(t("membership.ask_interests"));
        String interest = t("membership.interest.economic");
        c.taps(interest).awaitReplyMatching(m -> m.inlineLabels().contains(t("membership.chosen", interest)));
        c.taps(t("membership.interests_done")).awaitReplyMatching(m -> m.inlineLabels().contains(t("common.confirm")));
        c.taps(t("common.confirm")).awaitReplyContaining(name);
    }

    /** A valid Iranian national code with these nine leading digits (check digit computed). */
    static String nationalCode(int nineDigits) {
        String body = String.format("%09d", nineDigits);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (body.charAt(i) - '0') * (10 - i);
        }
        int r = sum % 11;
        return body + (r < 2 ? r : 11 - r);
    }
}
