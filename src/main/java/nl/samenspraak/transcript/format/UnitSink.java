package nl.samenspraak.transcript.format;

/** Receives the units of a transcript in order, as they are read. */
@FunctionalInterface
public interface UnitSink {
    void accept(ImportUnit unit);
}
