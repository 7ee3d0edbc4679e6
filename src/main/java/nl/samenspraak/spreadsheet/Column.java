package nl.samenspraak.spreadsheet;

/**
 * One column of a sheet or CSV table: its header (a safe name for SPSS and R where it is data), its
 * width in Excel character units, its number style, and what it means (listed on the README sheet).
 */
public record Column(String name, double width, Style style, String meaning) {

    /** How numbers in the column look; text columns use {@link #GENERAL}. */
    public enum Style {
        GENERAL(0), DECIMAL(3), WRAP(2);

        final int xf;

        Style(int xf) {
            this.xf = xf;
        }
    }

    public static Column text(String name, double width, String meaning) {
        return new Column(name, width, Style.GENERAL, meaning);
    }

    public static Column decimal(String name, double width, String meaning) {
        return new Column(name, width, Style.DECIMAL, meaning);
    }
}
