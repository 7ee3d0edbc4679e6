package nl.samenspraak.transcript.format;

import nl.samenspraak.codebook.SpeakerRole;

/**
 * A speaker of a transcript being imported: the label in the file, the label stored (a pseudonym
 * when names are replaced), its role and where that came from ("given", "guessed" from the label
 * or from {@code hint}, "unknown"), and its number of units.
 */
public record SpeakerSummary(String label, String stored, SpeakerRole role, String source, String hint, long units) {}
