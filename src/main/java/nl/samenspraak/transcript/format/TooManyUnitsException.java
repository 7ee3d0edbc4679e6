package nl.samenspraak.transcript.format;

/** A transcript with more units than {@link UnitPipeline#MAX_UNITS}: refused (HTTP 413) as soon as the limit is passed. */
public class TooManyUnitsException extends TranscriptFormatException {
    public TooManyUnitsException(String file, Place place, Said said) {
        super(file, place, said);
    }
}
