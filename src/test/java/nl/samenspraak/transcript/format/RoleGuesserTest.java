package nl.samenspraak.transcript.format;

import nl.samenspraak.codebook.SpeakerRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RoleGuesserTest {

    @ParameterizedTest
    @ValueSource(strings = {"KM", "km1", "Klantmanager", "klantmanager Ans", "KLANTMANAGER:", "coach", "Consulent",
            "jobcoach", "re-integratiecoach", "Re-integratieconsulent", "casemanager", "arts", "Huisarts", "bedrijfsarts",
            "dokter", "Doctor", "verpleegkundige", "Interviewer 2", "professional", "counsellor", "Dr. Jansen",
            "Ans (klantmanager)"})
    void professional_labels_are_recognised(String label) {
        assertThat(RoleGuesser.guess(label)).contains(SpeakerRole.PROFESSIONAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cliënt", "Client", "CLIËNT 2", "klant", "Klant Mo", "patiënt", "Patient", "werkzoekende",
            "deelnemer", "Participant", "Patiënte"})
    void client_labels_are_recognised(String label) {
        assertThat(RoleGuesser.guess(label)).contains(SpeakerRole.CLIENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tolk", "Tolk Arabisch", "partner", "Observer", "waarnemer"})
    void other_labels_are_recognised(String label) {
        assertThat(RoleGuesser.guess(label)).contains(SpeakerRole.OTHER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Spreker 1", "SPEAKER_00", "Ans", "", "  ", "X"})
    void unknown_labels_give_no_guess(String label) {
        assertThat(RoleGuesser.guess(label)).isEmpty();
    }

    @Test
    void a_null_label_gives_no_guess() {
        assertThat(RoleGuesser.guess(null)).isEmpty();
    }

    @Test
    void guess_all_keeps_the_order_of_the_labels() {
        Map<String, Optional<SpeakerRole>> guesses = RoleGuesser.guessAll(List.of("Klant", "KM", "Spreker 3", "Klant"));

        assertThat(guesses).containsExactly(
                Map.entry("Klant", Optional.of(SpeakerRole.CLIENT)),
                Map.entry("KM", Optional.of(SpeakerRole.PROFESSIONAL)),
                Map.entry("Spreker 3", Optional.empty()));
    }
}
