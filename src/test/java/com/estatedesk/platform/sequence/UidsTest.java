package com.estatedesk.platform.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UidsTest {

    @Test
    void numbersArePaddedToThreeDigitsAndNeverTruncated() {
        assertEquals("LPL-MKT001", Uids.format("LPL", SequenceKey.MKT, 1));
        assertEquals("LPL-CLT006", Uids.format("LPL", SequenceKey.CLT, 6));
        assertEquals("LPL-MKT999", Uids.format("LPL", SequenceKey.MKT, 999));
        assertEquals("LPL-MKT1000", Uids.format("LPL", SequenceKey.MKT, 1000));
        assertEquals("LPL2-CLT123456", Uids.format("LPL2", SequenceKey.CLT, 123456));
    }

    @Test
    void numbersStartAtOne() {
        assertThrows(IllegalArgumentException.class, () -> Uids.format("LPL", SequenceKey.MKT, 0));
    }
}
