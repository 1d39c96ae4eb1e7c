package com.estatedesk.feature.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientCsvTest {

    @Test
    void formulaCellsGetOneApostropheAndLoseItAgainOnImport() {
        assertEquals("'=HYPERLINK(\"x\")", ClientCsv.escape("=HYPERLINK(\"x\")"));
        assertEquals("'+234 800", ClientCsv.escape("+234 800"));
        assertEquals("'-1", ClientCsv.escape("-1"));
        assertEquals("'@cmd", ClientCsv.escape("@cmd"));
        assertEquals("'\tx", ClientCsv.escape("\tx"));
        assertEquals("'\rx", ClientCsv.escape("\rx"));
        assertEquals("''=x", ClientCsv.escape("'=x"));
        assertEquals("O'Brien", ClientCsv.escape("O'Brien"));
        assertEquals("'plain", ClientCsv.escape("'plain"));
        for (String value :
                List.of("=1+1", "+1", "-1", "@x", "'=x", "''+x", "O'Brien", "'plain", "''", "'", "", "Ada")) {
            assertEquals(value, ClientCsv.unescape(ClientCsv.escape(value)), "round trip of " + value);
        }
    }
}
