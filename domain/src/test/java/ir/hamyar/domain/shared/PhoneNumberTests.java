package ir.hamyar.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberTests {

    @ParameterizedTest
    @ValueSource(strings = {"09121234567", "9121234567", "989121234567", "+989121234567", "00989121234567",
            " 09121234567 ", "0912 123 4567", "0912-123-4567", "+98 912 123 4567", "(0912) 123 45 67",
            "0098 912 123 4567", "98 912 123 4567", "0912.123.4567", "0912 1234567",
            "+98 0912 123 4567", "009809121234567"})
    void acceptsEveryUsualWayOfTypingAnIranianMobile(String input) {
        PhoneNumber phone = PhoneNumber.parse(input).orElseThrow();
        assertThat(phone.e164()).isEqualTo("+989121234567");
        assertThat(phone.isIranian()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"09351234567, +989351234567", "09011234567, +989011234567", "09191234567, +989191234567",
            "09901234567, +989901234567"})
    void acceptsMobilesOfTheDifferentOperators(String input, String e164) {
        assertThat(PhoneNumber.parse(input)).map(PhoneNumber::e164).contains(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"02188776655", "+982188776655", "00982188776655", "982188776655", "2188776655",
            "03133445566", "+985138001234"})
    void rejectsIranianLandlines(String input) {
        assertThat(PhoneNumber.parse(input)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"+447911123456, +447911123456", "00447911123456, +447911123456", "+44 7911 123456, +447911123456",
            "+4915123456789, +4915123456789", "+12015550123, +12015550123"})
    void acceptsForeignMobilesWithTheirCountryCode(String input, String e164) {
        PhoneNumber phone = PhoneNumber.parse(input).orElseThrow();
        assertThat(phone.e164()).isEqualTo(e164);
        assertThat(phone.isIranian()).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "abc", "0912abc4567", "+", "++989121234567", "0912123456", "091212345678",
            "12345", "+98", "0098", "+98912", "9121234567890123", "+0989121234567", "0912_123_4567",
            "۰۹۱۲۱۲۳۴۵۶۷", "09121234567; DROP TABLE", "+44 20 7946 0958", "447911123456"})
    void rejectsGarbageAndWhatIsNotAMobile(String input) {
        assertThat(PhoneNumber.parse(input)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"989121234567, +989121234567", "+989121234567, +989121234567", "09121234567, +989121234567",
            "9121234567, +989121234567", "447911123456, +447911123456", "' 989121234567 ', +989121234567",
            "00989121234567, +989121234567"})
    void acceptsContactNumbersWithOrWithoutThePlus(String contact, String e164) {
        assertThat(PhoneNumber.parseContact(contact)).map(PhoneNumber::e164).contains(e164);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"982188776655", "abc", "12345", "+"})
    void rejectsContactNumbersThatAreNotMobiles(String contact) {
        assertThat(PhoneNumber.parseContact(contact)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"09121234567", "989121234567", "+98", "+0123456789", "+98912123456789012", ""})
    void constructorAcceptsOnlyE164(String notE164) {
        assertThatThrownBy(() -> new PhoneNumber(notE164)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(notE164.isEmpty() ? "\u0000" : notE164);
    }

    @Test
    void toStringNeverShowsTheWholeNumber() {
        PhoneNumber phone = PhoneNumber.parse("09121234567").orElseThrow();
        assertThat(phone.toString()).doesNotContain("+989121234567").doesNotContain("9121234567")
                .doesNotContain("1234567");
    }

    @Test
    void theSameNumberTypedDifferentlyIsEqual() {
        assertThat(PhoneNumber.parse("0912 123 4567")).isEqualTo(PhoneNumber.parse("+989121234567"))
                .isEqualTo(PhoneNumber.parseContact("989121234567"));
    }
}
