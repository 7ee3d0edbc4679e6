package nl.samenspraak.transcript.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.Reader;

/**
 * whisper and WhisperX JSON: an object with a {@code segments} list (or a bare list) of
 * {@code {"start": 0.72, "end": 3.1, "text": " Goedemorgen.", "speaker": "SPEAKER_00"}}, times in
 * seconds, read as a stream (word lists and tokens are skipped, never held). Consecutive segments
 * of the same speaker form one turn, as in subtitles; a segment without a speaker (whisper does
 * not diarise; WhisperX leaves a segment it could not assign without one) is its own unit of
 * speaker "unknown", with one warning for all of them. Places are "segment N" (from 1).
 */
final class WhisperJsonFormat {
    private WhisperJsonFormat() {}

    private record Segment(Double start, Double end, String text, String speaker) {}

    static void parse(ReadNotes notes, Reader in, TurnSink sink) {
        TurnList turns = new TurnList(notes, sink);
        int number = 0, unknown = 0;
        Place firstUnknown = null;
        try (JsonParser p = new JsonFactory().createParser(in)) {
            if (!toSegments(p)) throw new TranscriptFormatException(notes.file, null, Said.of("transcript.noSegments", "this JSON holds no "
                    + "'segments' list of {start, end, text, speaker}; it is not a whisper or WhisperX transcript."));
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Place location = Place.segment(++number);
                Segment s = segment(p);
                if (s.text() == null) throw new TranscriptFormatException(notes.file, location, Said.of("transcript.segmentNoText",
                        "the segment has no 'text'."));
                Long start = ms(notes, location, s.start()), end = ms(notes, location, s.end());
                String speaker = s.speaker() == null || s.speaker().isBlank() ? null : s.speaker();
                if (speaker == null && unknown++ == 0) firstUnknown = location;
                if (speaker != null && speaker.equals(turns.lastSpeaker())) turns.continueLast(s.text(), end, location);
                else turns.add(speaker == null ? SheetTurns.UNKNOWN : speaker, s.text(), start, end, location);
            }
            if (p.currentToken() != JsonToken.END_ARRAY)
                throw new TranscriptFormatException(notes.file, Place.segment(number + 1), Said.of("transcript.notASegment",
                        "expected a segment object."));
        } catch (JsonParseException e) {
            throw new TranscriptFormatException(notes.file, Place.line(e.getLocation().getLineNr()), Said.of("transcript.malformedJson",
                    "malformed JSON: " + e.getOriginalMessage() + ".", "reason", e.getOriginalMessage()));
        } catch (IOException e) {
            throw new TranscriptFormatException(notes.file, null, Said.of("transcript.jsonUnreadable", "the JSON cannot be read: " + e.getMessage(),
                    "reason", String.valueOf(e.getMessage())));
        }
        turns.finish();
        if (unknown > 0) notes.warn("unknown-speaker", firstUnknown, unknown == 1
                ? Said.of("warning.segmentWithoutSpeaker", "1 segment has no speaker; imported as speaker 'unknown', one unit per segment.")
                : Said.of("warning.segmentsWithoutSpeaker", unknown + " segments have no speaker; imported as speaker 'unknown', one unit per segment.",
                        "n", unknown));
    }

    /** Moves to the start of the segments array: the top-level array, or the "segments" field. */
    private static boolean toSegments(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first == JsonToken.START_ARRAY) return true;
        if (first != JsonToken.START_OBJECT) return false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("segments") && value == JsonToken.START_ARRAY) return true;
            p.skipChildren();
        }
        return false;
    }

    private static Segment segment(JsonParser p) throws IOException {
        Double start = null, end = null;
        String text = null, speaker = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "start" -> start = value.isNumeric() ? p.getDoubleValue() : null;
                case "end" -> end = value.isNumeric() ? p.getDoubleValue() : null;
                case "text" -> text = value == JsonToken.VALUE_STRING ? p.getText() : null;
                case "speaker" -> speaker = value == JsonToken.VALUE_STRING ? p.getText() : null;
                default -> p.skipChildren();
            }
        }
        return new Segment(start, end, text, speaker);
    }

    private static Long ms(ReadNotes notes, Place location, Double seconds) {
        if (seconds == null) return null;
        if (seconds < 0 || seconds.isNaN() || seconds > 1e7)
            throw new TranscriptFormatException(notes.file, location, Said.of("transcript.notSeconds", "the time " + seconds
                    + " is not a time in seconds.", "time", String.valueOf(seconds)));
        return Math.round(seconds * 1000);
    }
}
