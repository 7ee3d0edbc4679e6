package nl.samenspraak.transcript.audio;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Buckets from samples: bounds, scaling, the last partial bucket, and folding a recording longer than two hours. */
class PeakBuilderTest {
    @Test
    void each_bucket_holds_its_lowest_and_highest_sample_over_all_channels() {
        PeakBuilder b = new PeakBuilder(1000, 2); // 10 frames a bucket
        for (int frame = 0; frame < 25; frame++) {
            b.add(frame == 3 ? 32767 : 0);   // left: full scale up in bucket 0
            b.add(frame == 12 ? -16384 : 0); // right: half scale down in bucket 1
        }
        Peaks p = b.finish();

        assertThat(p.bucketMs()).isEqualTo(10);
        assertThat(p.durationMs()).isEqualTo(25);
        assertThat(p.buckets()).isEqualTo(3);
        assertThat(p.max(0)).isEqualTo((byte) 127);
        assertThat(p.min(0)).isEqualTo((byte) 0);
        assertThat(p.min(1)).isEqualTo((byte) -64);
        assertThat(p.max(2)).isEqualTo((byte) 0);
        assertThat(PeakBuilder.toByte(-32768)).isEqualTo((byte) -127);
    }

    @Test
    void a_recording_over_two_hours_is_folded_into_longer_buckets() {
        PeakBuilder b = new PeakBuilder(100, 1); // one sample a 10 ms bucket
        int samples = PeakBuilder.MAX_BUCKETS + 3;
        for (int i = 0; i < samples; i++) b.add(i % 2 == 0 ? 327 * (i % 100) : -327 * (i % 100));
        Peaks p = b.finish();

        assertThat(p.bucketMs()).isEqualTo(20);
        assertThat(p.buckets()).isEqualTo((samples + 1) / 2);
        assertThat(p.durationMs()).isEqualTo(samples * 10L);
        for (int k : new int[] {0, 7, 1234, PeakBuilder.MAX_BUCKETS / 2, p.buckets() - 1}) {
            int i = 2 * k; // bucket k holds samples 2k (positive) and 2k + 1 (negative), when there
            assertThat(p.max(k)).as("bucket %d", k).isEqualTo(PeakBuilder.toByte(327 * (i % 100)));
            if (i + 1 < samples) assertThat(p.min(k)).as("bucket %d", k).isEqualTo(PeakBuilder.toByte(-327 * ((i + 1) % 100)));
        }
    }
}
