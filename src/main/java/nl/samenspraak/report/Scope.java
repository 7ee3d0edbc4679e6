package nl.samenspraak.report;

import nl.samenspraak.codebook.StoredCodebook;
import nl.samenspraak.project.Project;
import nl.samenspraak.results.Person;
import nl.samenspraak.results.TranscriptRef;

import java.util.List;

/**
 * A project resolved for reading: its current codebook, the coders and live transcripts chosen
 * (in name order), and the rest of the selection.
 */
public record Scope(Project project, StoredCodebook codebook, List<Person> coders, List<TranscriptRef> transcripts,
                    Selection selection) {

    public Scope {
        coders = List.copyOf(coders);
        transcripts = List.copyOf(transcripts);
    }

    public List<Long> coderIds() {
        return coders.stream().map(Person::id).toList();
    }

    public List<Long> transcriptIds() {
        return transcripts.stream().map(TranscriptRef::id).toList();
    }

    /** The same scope with other coder names (the consensus by its human name in an export, say); ids and order stay. */
    public Scope withCoders(List<Person> renamed) {
        return new Scope(project, codebook, renamed, transcripts, selection);
    }

    public boolean empty() {
        return coders.isEmpty() || transcripts.isEmpty();
    }
}
