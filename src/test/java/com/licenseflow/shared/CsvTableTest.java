package com.licenseflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void quotesSeparatorsAndQuotes() {
        String csv = new CsvTable("a", "b").row("x, y", "say \"hi\"").render();
        assertThat(csv).isEqualTo("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n");
    }

    @Test
    void neutralisesCellsASpreadsheetWouldRunAsFormulas() {
        String csv = new CsvTable("name")
                .row("=HYPERLINK(\"http://evil\")")
                .row("+1")
                .row("-2")
                .row("@SUM(A1)")
                .render();
        assertThat(csv.lines().skip(1)).allMatch(line -> line.startsWith("'") || line.startsWith("\"'"));
    }

    @Test
    void emptyAndMissingCellsStayEmpty() {
        assertThat(new CsvTable("a", "b", "c").row(null, "", 3).render()).endsWith(",,3\r\n");
    }
}
