package nl.samenspraak.transcript;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The duration of a recording, read from the file itself, so that a transcript made from a recording alone
 * knows how long it is (its units must end inside it). Small readers of the headers each format keeps:
 * WAV (the RIFF chunks), FLAC (STREAMINFO), MP3 (a Xing/Info or VBRI header, else a scan of the frames),
 * MP4/M4A ({@code moov/mvhd}), Ogg Vorbis and Opus (the last page's granule position), WebM/Matroska
 * (Segment/Info). Pure Java, no decoding: a file whose duration cannot be read is refused with the reason.
 */
final class MediaDuration {
    private MediaDuration() {}

    /** Why a duration could not be read: the reason, as the end of "the duration could not be read: ...". */
    static final class NoDuration extends Exception {
        NoDuration(String reason) {
            super(reason);
        }
    }

    /** The duration in milliseconds of a recording of the given type. */
    static long millis(Path file, MediaType type) throws IOException, NoDuration {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long ms = switch (type) {
                case WAV -> wav(f);
                case FLAC -> flac(f);
                case MP3 -> mp3(f, file);
                case M4A, MP4 -> mp4(f);
                case OGG, OPUS -> ogg(f);
                case WEBM -> matroska(f);
            };
            if (ms <= 0) throw new NoDuration("its header gives a duration of " + ms + " ms");
            return ms;
        }
    }

    // ---- WAV: RIFF chunks "fmt " (byte rate) and "data" (its size) ----

    private static long wav(RandomAccessFile f) throws IOException, NoDuration {
        long pos = 12;
        long byteRate = -1;
        while (pos + 8 <= f.length()) {
            byte[] h = read(f, pos, 8);
            String id = ascii(h, 0, 4);
            long size = u32le(h, 4);
            if (id.equals("fmt ")) {
                byte[] fmt = read(f, pos + 8, 16);
                if (fmt.length < 16) break;
                byteRate = u32le(fmt, 8);
            } else if (id.equals("data")) {
                if (byteRate <= 0) throw new NoDuration("the WAV file has no format chunk before its data");
                long available = f.length() - pos - 8;
                long bytes = size == 0xFFFFFFFFL || size == 0 || size > available ? available : size;
                return Math.round(bytes * 1000.0 / byteRate);
            }
            pos += 8 + size + (size & 1);
        }
        throw new NoDuration("the WAV file has no data chunk");
    }

    // ---- FLAC: STREAMINFO, the first metadata block ----

    private static long flac(RandomAccessFile f) throws IOException, NoDuration {
        long start = skipId3(f);
        byte[] h = read(f, start, 4 + 4 + 34);
        if (h.length < 42 || !ascii(h, 0, 4).equals("fLaC") || (h[4] & 0x7F) != 0) throw new NoDuration("the FLAC file has no STREAMINFO block");
        byte[] s = new byte[34];
        System.arraycopy(h, 8, s, 0, 34);
        long rate = ((s[10] & 0xFFL) << 12) | ((s[11] & 0xFFL) << 4) | ((s[12] & 0xF0L) >> 4);
        long samples = ((s[13] & 0x0FL) << 32) | ((s[14] & 0xFFL) << 24) | ((s[15] & 0xFFL) << 16) | ((s[16] & 0xFFL) << 8) | (s[17] & 0xFFL);
        if (rate == 0) throw new NoDuration("the FLAC STREAMINFO gives no sample rate");
        if (samples == 0) throw new NoDuration("the FLAC STREAMINFO does not give the number of samples");
        return Math.round(samples * 1000.0 / rate);
    }

    // ---- MP3: Xing/Info (with the LAME encoder delay and padding) or VBRI, else count the frames ----

    private static final int[][] BITRATES = { // kbit/s by [MPEG-1 layer III, MPEG-2/2.5 layer III][index]
            {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, -1},
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, -1}};
    private static final int[][] RATES = {{44100, 48000, 32000}, {22050, 24000, 16000}, {11025, 12000, 8000}}; // MPEG-1, 2, 2.5

    /** One MPEG audio layer III frame header: its length in bytes, samples and sample rate. */
    private record Frame(int length, int samples, int rate, boolean mpeg1, boolean mono) {}

    private static Frame frame(byte[] b, int i) {
        if (i + 4 > b.length || (b[i] & 0xFF) != 0xFF || (b[i + 1] & 0xE0) != 0xE0) return null;
        int version = (b[i + 1] >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
        int layer = (b[i + 1] >> 1) & 3;   // 1: layer III
        int bitrateIndex = (b[i + 2] >> 4) & 15;
        int rateIndex = (b[i + 2] >> 2) & 3;
        if (version == 1 || layer != 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) return null;
        boolean mpeg1 = version == 3;
        int rate = RATES[mpeg1 ? 0 : version == 2 ? 1 : 2][rateIndex];
        int bitrate = BITRATES[mpeg1 ? 0 : 1][bitrateIndex] * 1000;
        int padding = (b[i + 2] >> 1) & 1;
        int samples = mpeg1 ? 1152 : 576;
        int length = samples / 8 * bitrate / rate + padding;
        boolean mono = ((b[i + 3] >> 6) & 3) == 3;
        return new Frame(length, samples, rate, mpeg1, mono);
    }

    private static long mp3(RandomAccessFile f, Path file) throws IOException, NoDuration {
        long start = skipId3(f);
        byte[] head = read(f, start, 64 * 1024);
        int at = -1;
        for (int i = 0; i + 4 <= head.length; i++) {
            Frame one = frame(head, i);
            if (one != null && (i + one.length() + 4 > head.length || frame(head, i + one.length()) != null)) {
                at = i;
                break;
            }
        }
        if (at < 0) throw new NoDuration("no MPEG audio frame was found in its first 64 KiB");
        Frame first = frame(head, at);
        int side = first.mpeg1() ? (first.mono() ? 17 : 32) : (first.mono() ? 9 : 17);
        int x = at + 4 + side;
        if (x + 8 <= head.length && (ascii(head, x, 4).equals("Xing") || ascii(head, x, 4).equals("Info"))) {
            long flags = u32be(head, x + 4);
            if ((flags & 1) != 0) {
                long frames = u32be(head, x + 8);
                int lame = x + 8 + ((flags & 1) != 0 ? 4 : 0) + ((flags & 2) != 0 ? 4 : 0) + ((flags & 4) != 0 ? 100 : 0) + ((flags & 8) != 0 ? 4 : 0);
                long samples = frames * first.samples();
                if (lame + 24 <= head.length) { // the LAME tag: encoder delay and padding, 12 bits each, 21 bytes in
                    int d = lame + 21;
                    long delay = ((head[d] & 0xFFL) << 4) | ((head[d + 1] & 0xF0L) >> 4);
                    long pad = ((head[d + 1] & 0x0FL) << 8) | (head[d + 2] & 0xFFL);
                    if (delay + pad < samples) samples -= delay + pad;
                }
                return Math.round(samples * 1000.0 / first.rate());
            }
        }
        int v = at + 4 + 32;
        if (v + 18 <= head.length && ascii(head, v, 4).equals("VBRI")) {
            long frames = u32be(head, v + 14);
            return Math.round(frames * first.samples() * 1000.0 / first.rate());
        }
        return Math.round(countFrames(file, start + at) * first.samples() * 1000.0 / first.rate());
    }

    /** Counts the frames from the first one to the end (a constant-bitrate file has no header that counts them). */
    private static long countFrames(Path file, long from) throws IOException {
        long frames = 0;
        byte[] h = new byte[4];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            in.skipNBytes(from);
            while (in.readNBytes(h, 0, 4) == 4) {
                Frame one = frame(h, 0);
                if (one == null || one.length() < 4) break; // an ID3v1 tag or trailing bytes end the audio
                frames++;
                long skip = one.length() - 4;
                if (in.skip(skip) < skip) break;
            }
        }
        return frames;
    }

    /** Where the content starts after an ID3v2 tag (0 when there is none). */
    private static long skipId3(RandomAccessFile f) throws IOException {
        byte[] h = read(f, 0, 10);
        if (h.length < 10 || !ascii(h, 0, 3).equals("ID3")) return 0;
        long size = ((h[6] & 0x7FL) << 21) | ((h[7] & 0x7FL) << 14) | ((h[8] & 0x7FL) << 7) | (h[9] & 0x7FL);
        return 10 + size + ((h[5] & 0x10) != 0 ? 10 : 0);
    }

    // ---- MP4 / M4A: the movie header (moov/mvhd): timescale and duration ----

    private static long mp4(RandomAccessFile f) throws IOException, NoDuration {
        long[] moov = box(f, 0, f.length(), "moov");
        if (moov == null) throw new NoDuration("the MP4 file has no 'moov' box (it may be unfinished)");
        long[] mvhd = box(f, moov[0], moov[1], "mvhd");
        if (mvhd == null) throw new NoDuration("the MP4 file has no 'mvhd' box");
        byte[] b = read(f, mvhd[0], 32);
        if (b.length < 24) throw new NoDuration("the MP4 'mvhd' box is cut short");
        long timescale;
        long duration;
        if (b[0] == 1) {
            if (b.length < 32) throw new NoDuration("the MP4 'mvhd' box is cut short");
            timescale = u32be(b, 20);
            duration = (u32be(b, 24) << 32) | u32be(b, 28);
        } else {
            timescale = u32be(b, 12);
            duration = u32be(b, 16);
        }
        if (timescale == 0) throw new NoDuration("the MP4 'mvhd' box gives no timescale");
        if (duration == 0 || duration == 0xFFFFFFFFL) throw new NoDuration("the MP4 'mvhd' box gives no duration (a fragmented file?)");
        return Math.round(duration * 1000.0 / timescale);
    }

    /** The content [start, end) of the first box of that type between from and to, or null. */
    private static long[] box(RandomAccessFile f, long from, long to, String type) throws IOException {
        long pos = from;
        while (pos + 8 <= to) {
            byte[] h = read(f, pos, 16);
            if (h.length < 8) return null;
            long size = u32be(h, 0);
            int header = 8;
            if (size == 1) {
                if (h.length < 16) return null;
                size = (u32be(h, 8) << 32) | u32be(h, 12);
                header = 16;
            } else if (size == 0) {
                size = to - pos;
            }
            if (size < header) return null;
            if (ascii(h, 4, 4).equals(type)) return new long[]{pos + header, Math.min(to, pos + size)};
            pos += size;
        }
        return null;
    }

    // ---- Ogg: the identification header (rate; Opus: pre-skip) and the last page's granule position ----

    private static long ogg(RandomAccessFile f) throws IOException, NoDuration {
        byte[] first = read(f, 0, 27 + 255 + 19);
        if (first.length < 28 || !ascii(first, 0, 4).equals("OggS")) throw new NoDuration("the file does not start with an Ogg page");
        long serial = u32le(first, 14);
        int segments = first[26] & 0xFF;
        int p = 27 + segments;
        long rate;
        long preSkip = 0;
        if (p + 19 <= first.length && ascii(first, p, 8).equals("OpusHead")) {
            preSkip = (first[p + 10] & 0xFF) | ((first[p + 11] & 0xFF) << 8);
            rate = 48000;
        } else if (p + 16 <= first.length && first[p] == 1 && ascii(first, p + 1, 6).equals("vorbis")) {
            rate = u32le(first, p + 12);
        } else {
            throw new NoDuration("the first Ogg stream is neither Vorbis nor Opus");
        }
        if (rate == 0) throw new NoDuration("the Ogg identification header gives no sample rate");
        long granule = -1;
        for (long tail = 64 * 1024; granule < 0; tail *= 4) {
            long from = Math.max(0, f.length() - tail);
            byte[] b = read(f, from, (int) Math.min(f.length() - from, Integer.MAX_VALUE - 8));
            for (int i = b.length - 27; i >= 0 && granule < 0; i--) {
                if (b[i] == 'O' && b[i + 1] == 'g' && b[i + 2] == 'g' && b[i + 3] == 'S' && b[i + 4] == 0 && u32le(b, i + 14) == serial) {
                    long g = u64le(b, i + 6);
                    if (g != -1) granule = g;
                }
            }
            if (from == 0) break;
        }
        if (granule < 0) throw new NoDuration("no Ogg page of the stream gives a granule position");
        return Math.round(Math.max(0, granule - preSkip) * 1000.0 / rate);
    }

    // ---- WebM / Matroska: EBML, Segment / Info / TimecodeScale and Duration ----

    private static final long SEGMENT = 0x18538067L, INFO = 0x1549A966L, TIMECODE_SCALE = 0x2AD7B1L, DURATION = 0x4489L, CLUSTER = 0x1F43B675L;

    private static long matroska(RandomAccessFile f) throws IOException, NoDuration {
        long[] pos = {0};
        long[] ebml = element(f, pos);
        if (ebml == null || ebml[0] != 0x1A45DFA3L) throw new NoDuration("the file does not start with an EBML header");
        pos[0] += ebml[1];
        long[] segment = element(f, pos);
        if (segment == null || segment[0] != SEGMENT) throw new NoDuration("the Matroska file has no Segment after its header");
        long end = segment[1] < 0 ? f.length() : Math.min(f.length(), pos[0] + segment[1]);
        while (pos[0] < end) {
            long[] child = element(f, pos);
            if (child == null || child[0] == CLUSTER) break;
            if (child[0] == INFO) return info(f, pos[0], pos[0] + child[1]);
            if (child[1] < 0) break;
            pos[0] += child[1];
        }
        throw new NoDuration("the Matroska Segment has no Info element before its first Cluster");
    }

    private static long info(RandomAccessFile f, long from, long to) throws IOException, NoDuration {
        long scale = 1_000_000;
        Double duration = null;
        long[] pos = {from};
        while (pos[0] < to) {
            long[] e = element(f, pos);
            if (e == null || e[1] < 0 || e[1] > 8) {
                if (e == null || e[1] < 0) break;
                pos[0] += e[1];
                continue;
            }
            byte[] v = read(f, pos[0], (int) e[1]);
            if (e[0] == TIMECODE_SCALE) {
                scale = 0;
                for (byte x : v) scale = (scale << 8) | (x & 0xFF);
            } else if (e[0] == DURATION) {
                long bits = 0;
                for (byte x : v) bits = (bits << 8) | (x & 0xFF);
                duration = v.length == 4 ? (double) Float.intBitsToFloat((int) bits) : v.length == 8 ? Double.longBitsToDouble(bits) : null;
            }
            pos[0] += e[1];
        }
        if (duration == null) throw new NoDuration("the Matroska Info element gives no Duration (as recorded by a browser)");
        return Math.round(duration * scale / 1_000_000.0);
    }

    /** Reads an element's id and size at pos[0], moving pos[0] to its content; size -1 when unknown. Null at the end. */
    private static long[] element(RandomAccessFile f, long[] pos) throws IOException, NoDuration {
        byte[] b = read(f, pos[0], 12);
        if (b.length < 2) return null;
        int idLength = vintLength(b[0]);
        if (idLength > 4 || idLength + 1 > b.length) throw new NoDuration("a Matroska element id at byte " + pos[0] + " is malformed");
        long id = 0;
        for (int i = 0; i < idLength; i++) id = (id << 8) | (b[i] & 0xFF);
        int sizeLength = vintLength(b[idLength]);
        if (sizeLength > 8 || idLength + sizeLength > b.length) throw new NoDuration("a Matroska element size at byte " + pos[0] + " is malformed");
        long size = b[idLength] & (0xFF >> sizeLength);
        boolean unknown = size == (0xFF >> sizeLength);
        for (int i = 1; i < sizeLength; i++) {
            size = (size << 8) | (b[idLength + i] & 0xFF);
            unknown &= (b[idLength + i] & 0xFF) == 0xFF;
        }
        pos[0] += idLength + sizeLength;
        return new long[]{id, unknown ? -1 : size};
    }

    private static int vintLength(byte first) {
        int x = first & 0xFF;
        for (int n = 1; n <= 8; n++) if ((x & (0x100 >> n)) != 0) return n;
        return 9;
    }

    // ---- bytes ----

    private static byte[] read(RandomAccessFile f, long pos, int n) throws IOException {
        if (pos >= f.length() || pos < 0) return new byte[0];
        int length = (int) Math.min(n, f.length() - pos);
        byte[] b = new byte[length];
        f.seek(pos);
        f.readFully(b);
        return b;
    }

    private static String ascii(byte[] b, int at, int n) {
        return at + n > b.length ? "" : new String(b, at, n, StandardCharsets.ISO_8859_1);
    }

    private static long u32le(byte[] b, int i) {
        return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24;
    }

    private static long u64le(byte[] b, int i) {
        return u32le(b, i) | u32le(b, i + 4) << 32;
    }

    private static long u32be(byte[] b, int i) {
        return (b[i] & 0xFFL) << 24 | (b[i + 1] & 0xFFL) << 16 | (b[i + 2] & 0xFFL) << 8 | (b[i + 3] & 0xFFL);
    }
}
