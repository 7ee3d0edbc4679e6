package nl.samenspraak.codebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.samenspraak.support.ProblemTexts;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem of a refused codebook carries its code and the values its sentence names: the English text of
 * problem.<code> (web/i18n/en.json) filled with them is the problem's own sentence, and the Dutch one names them too.
 */
class CodebookProblemsTest {

    /** A codebook broken in many ways at once, and broken files: one list of their problems. */
    static List<Problem> problems() {
        List<Problem> all = new ArrayList<>(SmallCodebook.readWith(root -> {
            root.put("colour", "blue");
            root.put("key", "Small Codebook");
            root.putArray("dimensions").add("not an object");
            ObjectNode dim = root.withArray("dimensions").addObject();
            dim.put("key", "step");
            dim.putObject("label").put("nl", "Stap");
            ObjectNode code = dim.putArray("codes").addObject();
            code.put("key", "team").put("hotkey", "j").put("colour", "#12").put("group", "nowhere");
            code.putObject("label").put("nl", "").put("en", "Team");
            code.putArray("roles").add("therapist");
            code.putArray("examples").add(3).addObject().put("nl", "Ja");
            ObjectNode twice = dim.withArray("codes").addObject();
            twice.put("key", "team").put("hotkey", "ab");
            twice.putObject("label").put("nl", "Team").put("en", "Team");
            ObjectNode group = dim.putArray("groups").addObject();
            group.put("key", "g").put("parent", "g");
            group.putObject("label").put("nl", "G").put("en", "G");
            ObjectNode comp = root.putArray("composites").addObject();
            comp.put("key", "c").put("dimension", "act");
            comp.putObject("label").put("nl", "C").put("en", "C");
            comp.putArray("numerator");
            ObjectNode scale = root.putArray("ratingScales").addObject();
            scale.put("key", "s").put("rated", "boss");
            scale.putObject("label").put("nl", "S").put("en", "S");
            ObjectNode item = scale.putArray("items").addObject();
            item.put("key", "i").put("min", 4).put("max", 2.5);
            item.putObject("label").put("nl", "I").put("en", "I");
            scale.putObject("total").put("kind", "median").put("rescaleMin", 0);
        }).problems());
        all.addAll(CodebookReader.read("broken.json", "{\"key\": ").problems());
        all.addAll(CodebookReader.read("empty.json", new byte[0]).problems());
        all.addAll(QdcReader.read("other.qdc", "<Other/>".getBytes(StandardCharsets.UTF_8)).problems());
        all.addAll(QdcReader.read("broken.qdc", "<CodeBook><broken".getBytes(StandardCharsets.UTF_8)).problems());
        all.addAll(QdcReader.read("doctype.qdc", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><CodeBook/>".getBytes(StandardCharsets.UTF_8)).problems());
        return all;
    }

    @Test
    void each_problem_has_a_code_whose_english_text_with_its_parameters_is_the_sentence() {
        List<Problem> problems = problems();
        assertThat(problems).hasSizeGreaterThan(20);
        assertThat(problems).extracting(Problem::code).contains("codebook.unknownField", "codebook.badKey", "codebook.hotkeyReserved",
                "codebook.hotkeyNotOneCharacter", "codebook.codeKeyTwice", "codebook.groupOwnAncestor", "codebook.unknownListedRole",
                "codebook.englishTextMissing", "codebook.englishExampleMissing", "codebook.exampleNotObject", "codebook.notAWholeNumber",
                "codebook.compositeDimensionUnknown", "codebook.numeratorEmpty", "codebook.unknownTotalKind", "codebook.rescaleHalf",
                "codebook.notJson", "codebook.fileEmpty", "codebook.notARefiCodebook", "codebook.xmlNotWellFormed", "codebook.doctypeRefused");
        for (Problem p : problems) {
            assertThat(p.code()).as(p.toString()).isNotBlank();
            assertThat(ProblemTexts.text("en", p.code(), p.params())).as(p.code()).isEqualTo(p.message());
            assertThat(ProblemTexts.text("nl", p.code(), p.params())).as(p.code()).doesNotContainPattern("\\{[A-Za-z]+}");
        }
    }

    @Test
    void a_problem_is_said_in_dutch_with_its_values() {
        Problem reserved = SmallCodebook.readWith(root -> SmallCodebook.at(root, "/dimensions/0/codes/0").put("hotkey", "j")).problems().get(0);
        assertThat(reserved.path()).isEqualTo("$.dimensions[0].codes[0].hotkey");
        assertThat(reserved.code()).isEqualTo("codebook.hotkeyReserved");
        assertThat(reserved.params()).containsEntry("hotkey", "j");
        assertThat(ProblemTexts.text("nl", reserved.code(), reserved.params()))
                .isEqualTo("De sneltoets ‘j’ is gereserveerd voor het navigeren in het codeerscherm (gereserveerd: j k J K ? / en de spatiebalk).");
    }
}
