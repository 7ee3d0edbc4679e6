package nl.samenspraak.account;

import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {
    @Test
    void nine_characters_are_refused_and_ten_are_enough() {
        assertThat(Passwords.problem("kwartel9x")).contains("at least 10");
        assertThat(Passwords.problem("kwartel9xz")).isNull();
        assertThat(Passwords.problem(null)).contains("at least 10");
    }

    @Test
    void characters_are_counted_not_utf16_units() {
        // Nine emoji are eighteen UTF-16 units but nine characters.
        assertThat(Passwords.problem("\uD83D\uDE00".repeat(9))).contains("at least 10");
    }

    @Test
    void common_passwords_of_ten_characters_or_more_are_refused_whatever_their_case_and_spaces() {
        for (String common : new String[]{"1234567890", "password123", "qwertyuiop", "QwertyUiop", "Password 123", "1q2w3e4r5t"}) {
            assertThat(Passwords.problem(common)).as(common).contains("most common passwords");
        }
    }

    @Test
    void the_shipped_list_holds_at_least_ten_thousand_passwords_and_its_source_is_named() throws Exception {
        assertThat(Passwords.commonListSize()).isGreaterThanOrEqualTo(10_000);
        try (var in = Passwords.class.getClassLoader().getResourceAsStream(Passwords.COMMON_LIST)) {
            String head = new String(in.readNBytes(2000));
            assertThat(head).contains("zxcvbn").contains("Permission is hereby granted");
        }
    }

    @Test
    void the_test_password_and_long_passphrases_stay_valid() {
        assertThat(Passwords.problem(TestApp.PASSWORD)).isNull();
        assertThat(Passwords.problem("een lang wachtwoord")).isNull();
        assertThat(Passwords.problem("x".repeat(1001))).contains("at most 1000");
    }

    @Test
    void a_generated_password_passes_the_policy_and_differs_each_time() {
        String a = Passwords.generate(), b = Passwords.generate();
        assertThat(a).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}").isNotEqualTo(b);
        assertThat(Passwords.problem(a)).isNull();
    }
}
