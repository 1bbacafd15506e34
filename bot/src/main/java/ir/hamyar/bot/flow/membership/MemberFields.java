package ir.hamyar.bot.flow.membership;

import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.PagedKeyboard;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.membership.Education;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Province;
import ir.hamyar.domain.shared.NationalCode;
import ir.hamyar.domain.shared.PhoneNumber;
import ir.hamyar.messages.JalaliDates;
import ir.hamyar.messages.PersianText;
import ir.hamyar.messages.Texts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parsing and keyboards shared by the member form's steps. Every parser takes raw input (Persian or
 * Arabic-Indic digits, Arabic yeh and kaf welcome) and answers either a value or the key of a polite hint.
 */
final class MemberFields {

    static final int MIN_AGE = 10;
    static final int MIN_BIRTH_YEAR = 1300;

    private MemberFields() {
    }

    /** A parsed answer, or the message key explaining what is wrong with it. */
    record Parsed<T>(T value, String problem) {
        static <T> Parsed<T> ok(T value) {
            return new Parsed<>(value, null);
        }

        static <T> Parsed<T> bad(String problem) {
            return new Parsed<>(null, problem);
        }

        boolean ok() {
            return problem == null;
        }
    }

    record Phone(PhoneNumber number, boolean verified) {
    }

    static Parsed<Phone> phone(Inbound in) {
        if (in.contact() != null) {
            // Only the sender's own contact proves the number is theirs.
            if (in.contact().userId() == null || in.contact().userId() != in.userId()) {
                return Parsed.bad("membership.phone_not_own");
            }
            Optional<PhoneNumber> p = PhoneNumber.parseContact(PersianText.normalize(in.contact().phoneNumber()));
            if (p.isEmpty()) {
                return Parsed.bad("membership.phone_invalid");
            }
            return p.get().isIranian() ? Parsed.ok(new Phone(p.get(), true)) : Parsed.bad("membership.phone_foreign");
        }
        if (in.text() == null) {
            return Parsed.bad("membership.phone_invalid");
        }
        Optional<PhoneNumber> p = PhoneNumber.parse(PersianText.normalize(in.text()));
        if (p.isEmpty()) {
            return Parsed.bad("membership.phone_invalid");
        }
        return p.get().isIranian() ? Parsed.ok(new Phone(p.get(), false)) : Parsed.bad("membership.phone_foreign");
    }

    static Parsed<String> name(String text) {
        String n = PersianText.normalize(text);
        if (n.length() < 3 || n.length() > 60 || !PersianText.isPersianOrLatinName(n)) {
            return Parsed.bad("membership.name_invalid");
        }
        return Parsed.ok(n);
    }

    static Parsed<NationalCode> nationalCode(String text) {
        return NationalCode.parse(PersianText.normalize(text)).map(Parsed::ok)
                .orElseGet(() -> Parsed.bad("membership.national_code_invalid"));
    }

    static Parsed<Integer> birthYear(String text, Instant now) {
        Optional<Integer> y = JalaliDates.parseJalaliYear(PersianText.normalize(text));
        int latest = JalaliDates.currentJalaliYear(now) - MIN_AGE;
        if (y.isEmpty() || y.get() < MIN_BIRTH_YEAR || y.get() > latest) {
            return Parsed.bad("membership.birth_year_invalid");
        }
        return Parsed.ok(y.get());
    }

    static Parsed<String> expertise(String text) {
        String e = PersianText.normalize(text);
        if (e.isEmpty() || e.length() > 200) {
            return Parsed.bad("membership.expertise_invalid");
        }
        return Parsed.ok(e);
    }

    static Text raw(String s) {
        return Text.of("common.raw", s);
    }

    static Keyboard education(String prefix) {
        Keyboard.Builder b = Keyboard.inline();
        List<Button> row = new ArrayList<>();
        for (Education e : Education.values()) {
            row.add(Button.callback(Text.of("membership.education." + e.name()), prefix + ":edu:" + e.name()));
            if (row.size() == 2) {
                b.row(row);
                row = new ArrayList<>();
            }
        }
        b.row(row);
        b.row(Button.callback(Text.of("common.back"), "nav:back"));
        return b.build();
    }

    static Keyboard provinces(String prefix, List<Province> all, int page, Locale locale) {
        return paged(prefix, "prov", "pp", all, page, p -> raw(Texts.EN.equals(locale) ? p.nameEn() : p.nameFa()),
                Province::id);
    }

    static Keyboard counties(String prefix, List<County> all, int page) {
        return paged(prefix, "cty", "cp", all, page, c -> raw(c.nameFa()), County::id);
    }

    private static <T> Keyboard paged(String prefix, String pick, String turn, List<T> all, int page,
                                      Function<T, Text> label, Function<T, Integer> id) {
        return PagedKeyboard.of(prefix, pick, turn, all, page, label, id, List.of(), true);
    }

    static Keyboard interests(String prefix, List<String> codes, List<String> chosen, Function<String, Text> names) {
        Keyboard.Builder b = Keyboard.inline();
        List<Button> row = new ArrayList<>();
        for (String code : codes) {
            Text label = names.apply(code);
            if (chosen.contains(code)) {
                label = Text.of("membership.chosen", label);
            }
            row.add(Button.callback(label, prefix + ":int:" + code));
            if (row.size() == 2) {
                b.row(row);
                row = new ArrayList<>();
            }
        }
        b.row(row);
        b.row(Button.callback(Text.of("membership.interests_done"), prefix + ":intdone"));
        b.row(Button.callback(Text.of("common.back"), "nav:back"));
        return b.build();
    }

    /** A reply keyboard holding only the back button: for steps that expect typed text. */
    static Keyboard backOnly() {
        return Keyboard.reply().row(Button.text(Text.of("common.back"))).build();
    }

    /** Parses {@code <prefix>:<tag>:<int>} callback data; empty when the data is of another step or forged. */
    static Optional<Integer> intArg(Inbound in, String prefix, String tag) {
        String data = in.callbackData();
        String head = prefix + ":" + tag + ":";
        if (data == null || !data.startsWith(head)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(data.substring(head.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<String> arg(Inbound in, String prefix, String tag) {
        String data = in.callbackData();
        String head = prefix + ":" + tag + ":";
        if (data == null || !data.startsWith(head)) {
            return Optional.empty();
        }
        return Optional.of(data.substring(head.length()));
    }

    static boolean is(Inbound in, String data) {
        return data.equals(in.callbackData());
    }
}
