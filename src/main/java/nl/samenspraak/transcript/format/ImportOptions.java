package nl.samenspraak.transcript.format;

import java.util.Map;

/**
 * Everything an import can be told: how to cut units, the roles of speaker labels, whether to
 * replace names by role labels, whether the files make one transcript, and how to read each file
 * ({@code perFile} by file name, else {@code defaults}).
 */
public record ImportOptions(Segmentation segmentation, RoleMapping roles, Pseudonyms pseudonyms, boolean merge,
                            ReadOptions defaults, Map<String, ReadOptions> perFile) {
    public static final ImportOptions DEFAULT = new ImportOptions(Segmentation.TURN, RoleMapping.NONE, Pseudonyms.NONE, false,
            ReadOptions.DEFAULT, Map.of());

    public ImportOptions {
        segmentation = segmentation == null ? Segmentation.TURN : segmentation;
        roles = roles == null ? RoleMapping.NONE : roles;
        pseudonyms = pseudonyms == null ? Pseudonyms.NONE : pseudonyms;
        defaults = defaults == null ? ReadOptions.DEFAULT : defaults;
        perFile = perFile == null ? Map.of() : Map.copyOf(perFile);
    }

    ReadOptions forFile(String name, boolean preview) {
        return perFile.getOrDefault(name, defaults).withPreview(preview);
    }
}
