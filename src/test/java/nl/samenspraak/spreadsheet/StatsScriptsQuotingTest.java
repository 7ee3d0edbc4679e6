package nl.samenspraak.spreadsheet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The string literals of the SPSS and R scripts: a label with quotes, backslashes or line breaks stays one literal. */
class StatsScriptsQuotingTest {
    @Test
    void spss_doubles_the_apostrophe_and_keeps_a_label_on_one_line() {
        assertThat(StatsScripts.spssString("cliënt's \"keuze\"")).isEqualTo("'cliënt''s \"keuze\"'");
        assertThat(StatsScripts.spssString("two\r\nlines\tand a tab")).isEqualTo("'two lines and a tab'");
        assertThat(StatsScripts.spssString("back\\slash")).isEqualTo("'back\\slash'");
    }

    @Test
    void r_escapes_the_double_quote_the_backslash_and_control_characters() {
        assertThat(StatsScripts.rString("say \"yes\"")).isEqualTo("\"say \\\"yes\\\"\"");
        assertThat(StatsScripts.rString("C:\\data")).isEqualTo("\"C:\\\\data\"");
        assertThat(StatsScripts.rString("a\nb\tc'd")).isEqualTo("\"a\\nb\\tc'd\"");
        assertThat(StatsScripts.rString(null)).isEqualTo("\"\"");
    }
}
