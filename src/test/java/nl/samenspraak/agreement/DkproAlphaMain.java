package nl.samenspraak.agreement;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;

/**
 * The other side of {@link IrrProcessBench}: what a DKPro Agreement 2.2.1 user would write to get
 * Krippendorff's alpha (nominal) of a units x coders CSV, in its own process. It reads the file the
 * simplest reasonable way (a BufferedReader and String.split; an empty cell is a missing value, the
 * first column names the unit), fills a CodingAnnotationStudy and prints "alpha " and the value.
 */
public final class DkproAlphaMain {
    private DkproAlphaMain() {}

    public static void main(String[] args) throws Exception {
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String[] header = in.readLine().split(",", -1);
            CodingAnnotationStudy study = new CodingAnnotationStudy(header.length - 1);
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) continue;
                String[] cells = line.split(",", -1);
                Object[] unit = new Object[header.length - 1];
                for (int j = 1; j < cells.length; j++) unit[j - 1] = cells[j].isEmpty() ? null : cells[j];
                study.addItemAsArray(unit);
            }
            double alpha = new KrippendorffAlphaAgreement(study, new NominalDistanceFunction()).calculateAgreement();
            System.out.println("alpha " + alpha);
        }
    }
}
