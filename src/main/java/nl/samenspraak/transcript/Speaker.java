package nl.samenspraak.transcript;

import nl.samenspraak.codebook.SpeakerRole;

/**
 * A speaker label of a transcript and the role it maps to. {@code source} says where the role came
 * from: "given" (the import's mapping or a later confirmation), "guessed" (from a common label,
 * to be confirmed) or "unknown" (no guess: set to other until someone says).
 */
public record Speaker(String label, SpeakerRole role, String source, int units) {}
