package nl.samenspraak.transcript.format;

/** A file to import: its name as uploaded and its bytes. */
public record SourceFile(String name, byte[] content) {}
