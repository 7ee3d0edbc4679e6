package nl.samenspraak.transcript;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The duration read from real files (sox and ffmpeg made them): 3.5 s in every format, within a few ms, and
 * the same as ffprobe reads (within 1 ms; within 30 ms for MP3 and Opus, where ffprobe counts the encoder's
 * delay and padding in; without an MP3 header ffprobe estimates from the bitrate, so there only the 3.5 s is checked). WebM with Opus ends on the last 20 ms Opus packet, 3.508 s, as ffprobe says too.
 */
class MediaDurationTest {
    @TempDir static Path dir;

    @BeforeAll static void tools() { TestRecordings.requireTools(); }

    private static long read(Path file, MediaType type) throws Exception {
        long ms = MediaDuration.millis(file, type);
        String name = file.getFileName().toString();
        // ffprobe's format duration keeps an MP3's encoder delay and padding (LAME tag) and Opus's pre-skip in; this reader takes them out.
        long slack = name.endsWith(".mp3") || name.endsWith(".opus") ? 30 : 1;
        if (!name.equals("tones-plain.mp3")) assertThat(ms).as("ffprobe").isCloseTo(TestRecordings.ffprobe(file), within(slack));
        return ms;
    }

    @Test void wav() throws Exception {
        assertThat(read(TestRecordings.wav(dir), MediaType.WAV)).isEqualTo(TestRecordings.MILLIS);
    }

    @Test void flac() throws Exception {
        assertThat(read(TestRecordings.convert(dir, "tones.flac", "-c:a", "flac"), MediaType.FLAC)).isEqualTo(TestRecordings.MILLIS);
    }

    @Test void mp3_with_its_info_header_and_encoder_delay() throws Exception {
        long ms = read(TestRecordings.convert(dir, "tones.mp3", "-c:a", "libmp3lame", "-b:a", "64k"), MediaType.MP3);
        assertThat(ms).isCloseTo(TestRecordings.MILLIS, within(5L));
    }

    @Test void mp3_variable_bitrate() throws Exception {
        long ms = read(TestRecordings.convert(dir, "tones-vbr.mp3", "-c:a", "libmp3lame", "-q:a", "4"), MediaType.MP3);
        assertThat(ms).isCloseTo(TestRecordings.MILLIS, within(5L));
    }

    @Test void mp3_without_header_by_counting_frames() throws Exception {
        long ms = read(TestRecordings.convert(dir, "tones-plain.mp3", "-c:a", "libmp3lame", "-b:a", "64k", "-write_xing", "0"), MediaType.MP3);
        // Without a header the encoder's delay and padding are unknown: whole frames of 1152 samples (26 ms each) are counted.
        assertThat(ms).isCloseTo(TestRecordings.MILLIS, within(60L));
    }

    @Test void m4a() throws Exception {
        assertThat(read(TestRecordings.convert(dir, "tones.m4a", "-c:a", "aac", "-b:a", "64k"), MediaType.M4A)).isCloseTo(TestRecordings.MILLIS, within(5L));
    }

    @Test void ogg_vorbis() throws Exception {
        assertThat(read(TestRecordings.convert(dir, "tones.ogg", "-c:a", "libvorbis"), MediaType.OGG)).isCloseTo(TestRecordings.MILLIS, within(5L));
    }

    @Test void ogg_opus() throws Exception {
        assertThat(read(TestRecordings.convert(dir, "tones.opus", "-c:a", "libopus"), MediaType.OPUS)).isCloseTo(TestRecordings.MILLIS, within(5L));
    }

    @Test void mp4_video() throws Exception {
        long ms = read(TestRecordings.convert(dir, "tones.mp4", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"), MediaType.MP4);
        assertThat(ms).isCloseTo(TestRecordings.MILLIS, within(5L));
    }

    @Test void webm_video() throws Exception {
        long ms = read(TestRecordings.convert(dir, "tones.webm", "-c:v", "libvpx", "-c:a", "libopus", "-shortest"), MediaType.WEBM);
        assertThat(ms).isCloseTo(TestRecordings.MILLIS, within(10L));
    }

    @Test void a_file_without_its_duration_is_refused_with_the_reason() throws Exception {
        Path cut = dir.resolve("cut.mp4");
        byte[] m4a = Files.readAllBytes(TestRecordings.convert(dir, "tones.m4a", "-c:a", "aac", "-b:a", "64k"));
        Files.write(cut, java.util.Arrays.copyOf(m4a, 40));
        assertThatThrownBy(() -> MediaDuration.millis(cut, MediaType.MP4)).isInstanceOf(MediaDuration.NoDuration.class).hasMessageContaining("'moov'");
        Path noData = dir.resolve("nodata.wav");
        Files.write(noData, java.util.Arrays.copyOf(Files.readAllBytes(TestRecordings.wav(dir)), 36));
        assertThatThrownBy(() -> MediaDuration.millis(noData, MediaType.WAV)).isInstanceOf(MediaDuration.NoDuration.class).hasMessageContaining("no data chunk");
    }
}
