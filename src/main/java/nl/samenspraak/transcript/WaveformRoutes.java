package nl.samenspraak.transcript;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.Access;
import nl.samenspraak.http.Requests;
import nl.samenspraak.transcript.audio.Peaks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The waveform of a transcript's recording (issue 14), for the members who may read the transcript: the
 * binary peaks of {@link Peaks} (docs/api.md, "Waveform of a recording").
 */
public final class WaveformRoutes {
    private final WaveformService waveforms;
    private final Access access;

    public WaveformRoutes(WaveformService waveforms, Access access) {
        this.waveforms = waveforms;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        r.get("/api/transcripts/{transcriptId}/waveform", this::waveform);
    }

    private void waveform(Context ctx) throws IOException {
        Peaks peaks = waveforms.peaks(access.user(ctx), Requests.id(ctx, "transcriptId"));
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) peaks.encodedSize());
        peaks.write(body);
        ctx.contentType("application/octet-stream").result(body.toByteArray());
    }
}
