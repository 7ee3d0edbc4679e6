package nl.samenspraak.transcript.audio;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The peaks of a WAV file in plain Java, so that WAV needs no ffmpeg: integer PCM of 8, 16, 24 or 32 bits
 * and IEEE float of 32 or 64 bits, any number of channels (also as WAVE_FORMAT_EXTENSIBLE). The file is
 * read as a stream, one 64 KiB buffer at a time; only the peaks are kept. Another encoding inside a WAV
 * (µ-law, ADPCM, ...) is answered with an empty result, for the caller to hand to ffmpeg.
 */
public final class WavPeaks {
    private static final int PCM = 1;
    private static final int FLOAT = 3;
    private static final int EXTENSIBLE = 0xFFFE;

    private WavPeaks() {}

    /** The peaks, or empty when the file is a WAV of an encoding read here not (see the class comment). */
    public static Optional<Peaks> read(Path file) throws AudioException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            return read(in, Files.size(file));
        } catch (EOFException e) {
            throw new AudioException(AudioException.Reason.UNDECODABLE, "the WAV file ends before its audio data");
        } catch (IOException e) {
            throw new AudioException(AudioException.Reason.UNDECODABLE, "the WAV file could not be read: " + e.getMessage(), e);
        }
    }

    static Optional<Peaks> read(InputStream in, long fileSize) throws IOException, AudioException {
        if (!"RIFF".equals(fourCc(in))) throw undecodable("it does not start with RIFF");
        le32(in);
        if (!"WAVE".equals(fourCc(in))) throw undecodable("it is not a RIFF WAVE file");
        long position = 12;
        int format = -1, channels = 0, sampleRate = 0, bits = 0;
        while (true) {
            String id;
            try {
                id = fourCc(in);
            } catch (EOFException e) {
                throw undecodable("it has no data chunk");
            }
            long size = le32(in) & 0xFFFFFFFFL;
            position += 8;
            if (id.equals("fmt ")) {
                if (size < 16) throw undecodable("its fmt chunk is too short");
                format = le16(in);
                channels = le16(in);
                sampleRate = (int) le32(in);
                le32(in);
                le16(in);
                bits = le16(in);
                long rest = size - 16;
                if (format == EXTENSIBLE && size >= 40) {
                    le16(in);
                    le16(in);
                    le32(in);
                    format = le16(in); // the first two bytes of the sub-format GUID are the format code
                    rest = size - 26;
                }
                skip(in, rest + (size & 1));
                position += size + (size & 1);
            } else if (id.equals("data")) {
                if (format < 0) throw undecodable("its data chunk comes before its fmt chunk");
                if (channels <= 0 || sampleRate <= 0) throw undecodable("its fmt chunk names " + channels + " channels at " + sampleRate + " Hz");
                boolean readable = format == PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32)
                        || format == FLOAT && (bits == 32 || bits == 64);
                if (!readable) return Optional.empty();
                // A streamed WAV may give 0 or 0xFFFFFFFF as the size: then the data runs to the end of the file.
                long available = Math.max(0, fileSize - position);
                long dataBytes = size == 0 || size > available ? available : size;
                return Optional.of(samples(in, dataBytes, format, bits, channels, sampleRate));
            } else {
                skip(in, size + (size & 1));
                position += size + (size & 1);
            }
        }
    }

    private static Peaks samples(InputStream in, long dataBytes, int format, int bits, int channels, int sampleRate) throws IOException {
        PeakBuilder peaks = new PeakBuilder(sampleRate, channels);
        int width = bits / 8;
        int frameBytes = width * channels;
        byte[] buffer = new byte[(64 * 1024 / frameBytes) * frameBytes];
        long left = dataBytes - dataBytes % frameBytes;
        while (left > 0) {
            int want = (int) Math.min(buffer.length, left);
            int n = in.readNBytes(buffer, 0, want);
            n -= n % frameBytes;
            if (n <= 0) break; // a file cut short: the peaks of what is there
            decode(buffer, n, format, width, peaks);
            left -= n;
        }
        return peaks.finish();
    }

    private static void decode(byte[] b, int n, int format, int width, PeakBuilder peaks) {
        if (format == FLOAT) {
            for (int i = 0; i < n; i += width) {
                double v = width == 4 ? Float.intBitsToFloat(int32(b, i)) : Double.longBitsToDouble(int32(b, i) & 0xFFFFFFFFL | (long) int32(b, i + 4) << 32);
                peaks.add(Double.isNaN(v) ? 0 : (int) Math.max(-32768, Math.min(32767, Math.round(v * 32767))));
            }
            return;
        }
        switch (width) {
            case 1 -> { for (int i = 0; i < n; i++) peaks.add(((b[i] & 0xFF) - 128) << 8); }
            case 2 -> { for (int i = 0; i < n; i += 2) peaks.add((short) (b[i] & 0xFF | b[i + 1] << 8)); }
            case 3 -> { for (int i = 0; i < n; i += 3) peaks.add(b[i + 2] << 8 | b[i + 1] & 0xFF); }
            default -> { for (int i = 0; i < n; i += 4) peaks.add(b[i + 3] << 8 | b[i + 2] & 0xFF); }
        }
    }

    private static int int32(byte[] b, int i) {
        return b[i] & 0xFF | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | b[i + 3] << 24;
    }

    private static AudioException undecodable(String why) {
        return new AudioException(AudioException.Reason.UNDECODABLE, "the WAV file cannot be read: " + why);
    }

    private static String fourCc(InputStream in) throws IOException {
        byte[] b = in.readNBytes(4);
        if (b.length < 4) throw new EOFException();
        return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static int le16(InputStream in) throws IOException {
        byte[] b = in.readNBytes(2);
        if (b.length < 2) throw new EOFException();
        return b[0] & 0xFF | (b[1] & 0xFF) << 8;
    }

    private static long le32(InputStream in) throws IOException {
        byte[] b = in.readNBytes(4);
        if (b.length < 4) throw new EOFException();
        return int32(b, 0);
    }

    private static void skip(InputStream in, long n) throws IOException {
        in.skipNBytes(n);
    }
}
