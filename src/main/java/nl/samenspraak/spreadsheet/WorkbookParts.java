package nl.samenspraak.spreadsheet;

import java.util.List;

/** The fixed parts of the package around the sheets: content types, relationships, workbook, styles, shared strings. */
final class WorkbookParts {
    private WorkbookParts() {}

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    static void write(XlsxWriter w, List<XlsxWriter.Part> sheets, List<String> shared, long sharedRefs) {
        XmlSink x = w.xml;
        w.entry("[Content_Types].xml");
        x.raw(HEAD + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
        for (XlsxWriter.Part p : sheets) {
            x.raw("<Override PartName=\"/xl/worksheets/sheet").number(p.file())
                    .raw(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        x.raw("</Types>");
        w.closeEntry();

        w.entry("_rels/.rels");
        x.raw(HEAD + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        w.closeEntry();

        w.entry("xl/_rels/workbook.xml.rels");
        x.raw(HEAD + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (XlsxWriter.Part p : sheets) {
            x.raw("<Relationship Id=\"rId").number(p.file()).raw("\" Type=\"" + REL + "/worksheet\" Target=\"worksheets/sheet")
                    .number(p.file()).raw(".xml\"/>");
        }
        x.raw("<Relationship Id=\"rIdStyles\" Type=\"" + REL + "/styles\" Target=\"styles.xml\"/>"
                + "<Relationship Id=\"rIdShared\" Type=\"" + REL + "/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
        w.closeEntry();

        w.entry("xl/workbook.xml");
        x.raw(HEAD + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\"><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>");
        for (int i = 0; i < sheets.size(); i++) {
            XlsxWriter.Part p = sheets.get(i);
            x.raw("<sheet name=\"").text(p.name(), 31).raw("\" sheetId=\"").number(i + 1).raw("\" r:id=\"rId").number(p.file()).raw("\"/>");
        }
        x.raw("</sheets>");
        boolean filters = sheets.stream().anyMatch(p -> p.filter() != null);
        if (filters) x.raw("<definedNames>");
        for (int i = 0; i < sheets.size(); i++) {
            XlsxWriter.Part p = sheets.get(i);
            if (p.filter() == null) continue;
            String[] range = p.filter().split(":");
            x.raw("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"").number(i).raw("\" hidden=\"1\">'")
                    .text(p.name().replace("'", "''"), 64).raw("'!").raw(absolute(range[0])).raw(":").raw(absolute(range[1])).raw("</definedName>");
        }
        x.raw(filters ? "</definedNames></workbook>" : "</workbook>");
        w.closeEntry();

        w.entry("xl/styles.xml");
        x.raw(HEAD + "<styleSheet xmlns=\"" + MAIN + "\">"
                + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.000\"/></numFmts>"
                + "<fonts count=\"3\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font>"
                + "<font><b/><sz val=\"13\"/><name val=\"Calibri\"/></font></fonts>"
                + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
                + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDEBF7\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
                + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"5\">"
                + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\"/>"
                + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
                + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                + "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
                + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>");
        w.closeEntry();

        w.entry("xl/sharedStrings.xml");
        x.raw(HEAD + "<sst xmlns=\"" + MAIN + "\" count=\"").number(sharedRefs).raw("\" uniqueCount=\"").number(shared.size()).raw("\">");
        for (String s : shared) {
            boolean keep = !s.isEmpty() && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1)));
            x.raw(keep ? "<si><t xml:space=\"preserve\">" : "<si><t>").cellText(s, XlsxWriter.MAX_CELL_CHARS).raw("</t></si>");
        }
        x.raw("</sst>");
        w.closeEntry();
    }

    private static String absolute(String ref) {
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) i++;
        return "$" + ref.substring(0, i) + "$" + ref.substring(i);
    }
}
