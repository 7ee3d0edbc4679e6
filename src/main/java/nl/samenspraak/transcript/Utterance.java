package nl.samenspraak.transcript;

import nl.samenspraak.codebook.SpeakerRole;

/** One coding unit, in transcript order ({@code seq} from 1). Times in ms, or null. */
public record Utterance(long id, int seq, String speakerLabel, SpeakerRole speakerRole, String text, Long startMs, Long endMs) {}
