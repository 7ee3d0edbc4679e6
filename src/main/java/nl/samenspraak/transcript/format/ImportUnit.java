package nl.samenspraak.transcript.format;

import nl.samenspraak.codebook.SpeakerRole;

/** One coding unit as it will be stored: number from 1, speaker label (a pseudonym when asked) and role, text, times in ms or null. */
public record ImportUnit(int seq, String speaker, SpeakerRole role, String text, Long startMs, Long endMs) {}
