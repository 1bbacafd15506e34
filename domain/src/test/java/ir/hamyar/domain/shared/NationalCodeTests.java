package ir.hamyar.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NationalCodeTests {

    // Check digits computed by hand: weights 10..2, r = sum mod 11, check = r < 2 ? r : 11 - r.
    @ParameterizedTest
    @ValueSource(strings = {
            "0013542419", // leading zeros: sum 101, r 2, check 9
            "0000000019", // mostly zeros: sum 2, r 2, check 9
            "0123456789", // sum 178, r 2, check 9
            "0751234567", // r 4, check 7
            "4278120907", // r 4, check 7
            "4987654326", // r 5, check 6
            "1234567891", // r 1 < 2: the check digit is r itself
            "1000000011", // r 1
            "1000000060", // r 0 < 2: the check digit is 0
            "1000000230", // r 0
            "3102145981"}) // r 10: check 1
    void acceptsValidCodes(String code) {
        assertThat(NationalCode.isValid(code)).isTrue();
        assertThat(NationalCode.parse(code)).map(NationalCode::value).contains(code);
        assertThat(new NationalCode(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0013542418", "0013542410", "0123456788", "4987654325",
            "1234567890", // r 1: 11 - r would be 10, the check digit must be 1
            "1000000061", // r 0: the check digit must be 0
            "1000000010", "3102145980"})
    void rejectsAWrongCheckDigit(String code) {
        assertThat(NationalCode.isValid(code)).isFalse();
        assertThat(NationalCode.parse(code)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000000", "1111111111", "2222222222", "3333333333", "4444444444", "5555555555",
            "6666666666", "7777777777", "8888888888", "9999999999"})
    void rejectsTheTenSameDigitCodesThoughTheyPassTheChecksum(String code) {
        assertThat(NationalCode.isValid(code)).isFalse();
        assertThat(NationalCode.parse(code)).isEmpty();
        assertThatThrownBy(() -> new NationalCode(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"001354241", "00135424190", "13542419", "12345", "   ", "00135A2419", "abcdefghij",
            "+013542419", "0013542419x", "001354241.9", "۰۰۱۳۵۴۲۴۱۹", "٠٠١٣٥٤٢٤١٩", "-013542419"})
    void rejectsWrongLengthsLettersAndUnnormalisedDigits(String input) {
        assertThat(NationalCode.parse(input)).isEmpty();
        assertThat(NationalCode.isValid(input)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"' 0013542419 ', 0013542419", "001-354241-9, 0013542419", "001 354 241 9, 0013542419"})
    void parsesCodesTypedWithSpacesOrDashes(String input, String expected) {
        assertThat(NationalCode.parse(input)).map(NationalCode::value).contains(expected);
    }

    @Test
    void constructorRefusesAnInvalidCode() {
        assertThatThrownBy(() -> new NationalCode("0013542418")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("0013542418");
        assertThatThrownBy(() -> new NationalCode(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNeverShowsTheWholeCode() {
        NationalCode code = new NationalCode("0013542419");
        assertThat(code.toString()).doesNotContain("0013542419").doesNotContain("001354");
    }

    @Test
    void equalCodesAreEqual() {
        assertThat(NationalCode.parse("001-354241-9")).contains(new NationalCode("0013542419"));
    }
}
