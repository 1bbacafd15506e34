package ir.hamyar.bot.flow.offices;

import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.PagedKeyboard;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Province;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.messages.PersianText;
import ir.hamyar.messages.Texts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Small helpers the office screens share: paged pickers (on {@link PagedKeyboard}), callback parsing and the
 * labels of offices and regions.
 */
final class Ui {

    private Ui() {
    }

    static Text raw(String s) {
        return Text.of("common.raw", s == null ? "" : s);
    }

    static Keyboard provinces(String prefix, List<Province> all, int page, Locale locale, boolean back) {
        return paged(prefix, "prov", "pp", all, page, p -> raw(Texts.EN.equals(locale) ? p.nameEn() : p.nameFa()),
                Province::id, back);
    }

    static Keyboard counties(String prefix, List<County> all, int page) {
        return paged(prefix, "cty", "cp", all, page, c -> raw(c.nameFa()), County::id, true);
    }

    static <T> Keyboard paged(String prefix, String pick, String turn, List<T> all, int page,
                              Function<T, Text> label, Function<T, ? extends Number> id, boolean back) {
        return PagedKeyboard.of(prefix, pick, turn, all, page, label, id, List.of(), back);
    }

    /** A reply keyboard holding only the back button: for steps that expect typed text. */
    static Keyboard backOnly() {
        return Keyboard.reply().row(Button.text(Text.of("common.back"))).build();
    }

    /** The text after {@code <prefix>:<tag>:}; empty when the data is of another step or another screen. */
    static Optional<String> arg(Inbound in, String prefix, String tag) {
        String data = in.callbackData();
        String head = prefix + ":" + tag + ":";
        if (data == null || !data.startsWith(head)) {
            return Optional.empty();
        }
        return Optional.of(data.substring(head.length()));
    }

    static Optional<Long> longArg(Inbound in, String prefix, String tag) {
        return arg(in, prefix, tag).flatMap(Ui::parseLong);
    }

    static Optional<Integer> intArg(Inbound in, String prefix, String tag) {
        return arg(in, prefix, tag).flatMap(Ui::parseLong).filter(v -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE)
                .map(Long::intValue);
    }

    /** Digits only (ASCII), at most 18 of them: callback ids are never signed or padded. */
    static Optional<Long> parseLong(String s) {
        if (s == null || s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(s));
    }

    static boolean is(Inbound in, String data) {
        return data.equals(in.callbackData());
    }

    /** Typed text of a message (not a contact, not a button), normalised; empty otherwise. */
    static Optional<String> text(Inbound in) {
        if (in.kind() != Inbound.Kind.MESSAGE || in.text() == null || in.contact() != null) {
            return Optional.empty();
        }
        String t = PersianText.normalize(in.text());
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    /** Paging edits the list message in place rather than sending a new one. */
    static Reply editOrSend(Inbound in, Text text, Keyboard keyboard) {
        return in.messageId() == null ? Reply.text(text, keyboard) : new Reply.Edit(null, in.messageId(), text, keyboard);
    }

    static Reply notice(Inbound callback, String key) {
        return new Reply.AnswerCallback(null, callback.callbackId(), Text.of(key));
    }

    static String provinceName(Regions regions, int provinceId, Locale locale) {
        return regions.province(provinceId).map(p -> Texts.EN.equals(locale) ? p.nameEn() : p.nameFa()).orElse("");
    }

    static String countyName(Regions regions, Integer countyId) {
        return countyId == null ? "" : regions.county(countyId).map(County::nameFa).orElse("");
    }

    /** "Name (county office, Karaj)" in the reader's language. */
    static Text officeLabel(OfficeView office, Regions regions, Locale locale) {
        String where = office.countyId() == null ? provinceName(regions, office.provinceId(), locale)
                : countyName(regions, office.countyId());
        return Text.of("offices.label", office.name(), Text.of("offices.level." + office.level().name()), where);
    }
}
