package nl.samenspraak.sessiondata;

import nl.samenspraak.codebook.Codebook.RatingItem;
import nl.samenspraak.codebook.Codebook.Text;
import nl.samenspraak.project.AssignmentRule;
import nl.samenspraak.support.ProblemTexts;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A refused session-data table, value or file, and a refused assignment rule, carry a code (sessions.*, assign.*)
 * and the values their sentence names: the English text of problem.<code> filled with them is the sentence, the
 * Dutch one says it with the same values.
 */
class SessionProblemsTest {
    static final List<SessionField> FIELDS = List.of(
            new SessionField("condition", new Text("Conditie", "Condition"), FieldType.CATEGORY, List.of("trained", "untrained")),
            new SessionField("date", new Text("Datum", "Date"), FieldType.DATE, List.of()),
            new SessionField("step", new Text("Stap", "Step"), FieldType.NUMBER, List.of()));
    static final Map<String, RatingItem> ITEMS = Map.of("listened", new RatingItem("listened", new Text("Luisterde", "Listened"), null, 1, 5, List.of()));
    static final Map<String, List<Long>> TRANSCRIPTS = Map.of("sessie-1", List.of(1L), "sessie-2", List.of(2L), "dubbel", List.of(3L, 4L));

    static SessionImport.Plan check(String csv) {
        return SessionImport.check(SessionTable.csv(csv), FIELDS, ITEMS, TRANSCRIPTS);
    }

    static void english(String code, Map<String, Object> params, String message) {
        assertThat(ProblemTexts.text("en", code, params)).as(code).isEqualTo(message);
        assertThat(ProblemTexts.text("nl", code, params)).as(code).isNotEqualTo(message).doesNotContainPattern("\\{[A-Za-z]+}");
    }

    @Test
    void every_problem_of_a_refused_table_has_its_code_and_values() {
        List<SessionImport.Problem> problems = new ArrayList<>(check("transcript,condition,date,step,listened\n"
                + "sessie-1,maybe,31-31-2024,twee,9\n"
                + "sessie-2,trained,2024-01-02,1,drie\n"
                + "sessie-1,trained,,,\n"
                + "onbekend,,,,\n"
                + "dubbel,,,,\n").problems());
        problems.addAll(check("naam,transcript,conditie,,step,step\nsessie-1,sessie-1,x,,,\n").problems());
        problems.addAll(check("condition\ntrained\n").problems());
        assertThat(problems).extracting(SessionImport.Problem::code).containsExactly(
                "sessions.notAllowed", "sessions.notADate", "sessions.notANumber", "sessions.answerOutOfRange",
                "sessions.answerNotANumber", "sessions.transcriptTwice", "sessions.noSuchTranscript", "sessions.nameNotUnique",
                "sessions.secondNameColumn", "sessions.unknownColumnWithItems", "sessions.columnWithoutHeader", "sessions.headerTwice",
                "sessions.noNameColumn");
        for (SessionImport.Problem p : problems) english(p.code(), p.params(), p.message());
        SessionImport.Problem outside = problems.get(3);
        assertThat(outside.row()).isEqualTo(2);
        assertThat(outside.column()).isEqualTo("listened (E)");
        assertThat(outside.params()).containsEntry("value", "9").containsEntry("item", "listened").containsEntry("min", 1).containsEntry("max", 5);
        assertThat(ProblemTexts.text("nl", outside.code(), outside.params()))
                .isEqualTo("‘9’ past niet bij item ‘listened’: geef een geheel getal van 1 tot en met 5");
    }

    @Test
    void an_unreadable_file_says_why_by_its_code() {
        List<SessionTable.Unreadable> refused = new ArrayList<>();
        for (var file : Map.of("sessies.pdf", "x", "leeg.csv", "\n\n", "kapot.xlsx", "geen zip").entrySet()) {
            refused.add(catchThrowableOfType(SessionTable.Unreadable.class, () -> SessionTable.read(file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8))));
        }
        assertThat(refused).extracting(SessionTable.Unreadable::code)
                .containsExactlyInAnyOrder("sessions.wrongFileType", "sessions.emptyFile", "sessions.xlsxUnreadable");
        for (SessionTable.Unreadable u : refused) english(u.code(), u.params(), u.getMessage());
    }

    @Test
    void a_refused_assignment_rule_has_its_code() {
        AssignmentRule.RuleRefused e = catchThrowableOfType(AssignmentRule.RuleRefused.class,
                () -> AssignmentRule.assign(List.of(1L, 2L, 3L), List.of(7L), 0.5, 1));
        assertThat(e.code()).isEqualTo("assign.secondCoderNeedsTwo");
        english(e.code(), e.params(), e.getMessage());
        assertThat(ProblemTexts.text("nl", e.code(), e.params())).isEqualTo("Een tweede codeur kan alleen bij minstens twee codeurs.");
    }
}
