package nl.samenspraak.account;

import nl.samenspraak.http.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserNamesTest {
    @Test
    void full_width_letters_and_ligatures_become_their_plain_form() {
        assertThat(UserNames.clean("ａｎｎａ")).isEqualTo("anna");
        assertThat(UserNames.clean("ﬁet")).isEqualTo("fiet");
    }

    @Test
    void invisible_characters_are_removed_and_spaces_trimmed_and_collapsed() {
        assertThat(UserNames.clean("an\u200Bna")).isEqualTo("anna");
        assertThat(UserNames.clean("\u2060anna\u200D\uFEFF")).isEqualTo("anna");
        assertThat(UserNames.clean("an\u00ADna")).isEqualTo("anna");
        assertThat(UserNames.clean("  Ans \u00A0 de\tVries ")).isEqualTo("Ans de Vries");
        assertThat(UserNames.clean("anna\u3164")).isEqualTo("anna");
        assertThat(UserNames.clean("anna\uFE0F")).isEqualTo("anna");
    }

    @Test
    void names_that_differ_only_in_case_or_invisible_characters_have_one_key() {
        String key = UserNames.key("Anna");
        for (String same : new String[]{"anna", "ANNA", "ａｎｎａ", "an\u200Bna", " anna "}) assertThat(UserNames.key(same)).as(same).isEqualTo(key);
        assertThat(UserNames.key("Straße")).isEqualTo(UserNames.key("STRASSE"));
        assertThat(UserNames.key("anne")).isNotEqualTo(key);
    }

    @Test
    void a_name_mixing_latin_and_cyrillic_is_refused_but_one_script_and_cjk_with_latin_are_fine() {
        assertThatThrownBy(() -> UserNames.clean("\u0430nna")).isInstanceOf(ApiException.class).hasMessageContaining("scripts");
        assertThat(UserNames.clean("Анна")).isEqualTo("Анна");
        assertThat(UserNames.clean("Zoë Öztürk")).isEqualTo("Zoë Öztürk");
        assertThat(UserNames.clean("山田 Taro たろう")).isEqualTo("山田 Taro たろう");
        assertThat(UserNames.clean("anna-2 (coder)")).isEqualTo("anna-2 (coder)");
    }

    @Test
    void an_empty_or_invisible_or_too_long_name_is_refused_by_field() {
        for (String bad : new String[]{"", "   ", "\u200B\u200B", null, "x".repeat(101)}) {
            assertThatThrownBy(() -> UserNames.clean(bad)).as(String.valueOf(bad)).isInstanceOf(ApiException.class).hasMessageContaining("Field 'name'");
        }
    }
}
