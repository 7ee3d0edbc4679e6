package nl.samenspraak.transcript.format;

import nl.samenspraak.codebook.SpeakerRole;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Guesses a speaker's role from the label a transcriber used ("KM", "klantmanager Ans",
 * "Cliënt 2", "Huisarts"). Case, diacritics, hyphens, numbers and extra names are ignored; the
 * words of the label are tried in order and the first known one decides, so
 * "Ans (klantmanager)" is a professional. Compound Dutch job titles are known by their ending
 * ("...coach", "...manager", "...consulent", "...arts", "...begeleider"). A guess is a
 * suggestion for the user to confirm, never a final answer; an unknown label gives empty.
 */
public final class RoleGuesser {
    private RoleGuesser() {}

    private static final Set<String> PROFESSIONAL = Set.of(
            "km", "jc", "cm", "klantmanager", "coach", "consulent", "casemanager", "arts", "dokter", "doctor",
            "dr", "gp", "physician", "nurse", "verpleegkundige", "vpk", "praktijkondersteuner", "poh",
            "interviewer", "onderzoeker", "researcher", "professional", "prof", "counsellor", "counselor",
            "therapeut", "therapist", "psycholoog", "psychologist", "hulpverlener", "adviseur", "advisor",
            "adviser", "begeleider", "trainer", "werkcoach", "specialist", "caseworker", "investigator", "clinician",
            "examiner", "teacher", "leerkracht", "docent", "interviewster", "moderator", "gespreksleider");
    private static final List<String> PROFESSIONAL_ENDINGS = List.of(
            "coach", "manager", "consulent", "arts", "begeleider", "verpleegkundige", "adviseur", "therapeut");
    private static final Set<String> CLIENT = Set.of(
            "client", "cliente", "klant", "patient", "patiente", "pt", "werkzoekende", "deelnemer",
            "deelneemster", "participant", "jobseeker", "kandidaat", "candidate", "uitkeringsgerechtigde",
            "aanvrager", "wz", "child", "kind", "interviewee", "respondent", "befragte", "befragter", "geinterviewde",
            "informant", "student", "leerling", "proband");
    private static final Set<String> OTHER = Set.of(
            "tolk", "interpreter", "partner", "echtgenoot", "echtgenote", "observer", "waarnemer", "observator",
            "ouder", "moeder", "vader", "familielid", "mantelzorger", "naaste", "vriend", "vriendin",
            "collega", "stagiair", "notulist", "mother", "father", "sibling", "brother", "sister", "broer", "zus",
            "grandmother", "grandfather", "oma", "opa", "visitor", "bezoeker");

    public static Optional<SpeakerRole> guess(String label) {
        if (label == null) return Optional.empty();
        for (String word : words(label)) {
            Optional<SpeakerRole> role = roleOf(word);
            if (role.isPresent()) return role;
        }
        return Optional.empty();
    }

    /** A guess per label, in the order given (duplicates once). */
    public static Map<String, Optional<SpeakerRole>> guessAll(Collection<String> labels) {
        Map<String, Optional<SpeakerRole>> guesses = new LinkedHashMap<>();
        for (String label : labels) guesses.putIfAbsent(label, guess(label));
        return guesses;
    }

    private static Optional<SpeakerRole> roleOf(String word) {
        if (CLIENT.contains(word)) return Optional.of(SpeakerRole.CLIENT);
        if (OTHER.contains(word)) return Optional.of(SpeakerRole.OTHER);
        if (PROFESSIONAL.contains(word)) return Optional.of(SpeakerRole.PROFESSIONAL);
        for (String ending : PROFESSIONAL_ENDINGS)
            if (word.length() > ending.length() && word.endsWith(ending)) return Optional.of(SpeakerRole.PROFESSIONAL);
        return Optional.empty();
    }

    /** "Re-integratiecoach Ans 2" gives [reintegratiecoach, ans]; "KM1" gives [km]. */
    private static List<String> words(String label) {
        String plain = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("(?<=\\p{L})-(?=\\p{L})", "");
        return List.of(plain.split("[^\\p{L}]+")).stream().filter(w -> !w.isEmpty()).toList();
    }
}
