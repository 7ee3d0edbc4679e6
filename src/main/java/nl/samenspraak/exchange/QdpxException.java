package nl.samenspraak.exchange;

import nl.samenspraak.transcript.format.Said;

/** A REFI-QDA project file that cannot be read: the file, the place in it (or null) and the problem, said with its code. */
public final class QdpxException extends RuntimeException {
    private final String file;
    private final String place;
    private final Said said;

    public QdpxException(String file, String place, Said said) {
        super(file + (place == null ? "" : ", " + place) + ": " + said.text());
        this.file = file;
        this.place = place;
        this.said = said;
    }

    public String file() { return file; }
    public String place() { return place; }
    public Said said() { return said; }
}
