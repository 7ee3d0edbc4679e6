package nl.samenspraak.coding;

import java.util.Map;

/**
 * One coder's progress on one transcript, as an admin sees it: of its {@code units} utterances, how
 * many the coder coded per dimension, and how many rating items of how many they filled in.
 * {@code assigned}: the transcript is given to the coder (always true while the project has no assignment).
 */
public record CoderProgress(long coderId, String coderName, long transcriptId, String transcriptName, boolean assigned,
                            int units, Map<String, Integer> coded, int rated, int ratingItems) {}
