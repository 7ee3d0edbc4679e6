package nl.samenspraak.coding;

import java.util.Map;

/**
 * A coder's progress on one transcript: of its {@code units} utterances, how many the coder has
 * coded in each dimension of the project's codebook (every dimension listed, 0 when none), and
 * how many rating items of how many the coder has filled in; {@code calibration} when the transcript
 * has a reference coding (someone else's) to calibrate against.
 */
public record Progress(long transcriptId, String name, int units, Map<String, Integer> coded, int rated, int ratingItems,
                       boolean calibration) {}
