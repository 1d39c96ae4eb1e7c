package com.estatedesk.feature.company;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CompanyNamingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Lamba Property Limited      | LPL",
                "Sunrise Homes               | SH",
                "Xavier 123                  | XAV",
                "lamba property limited      | LPL",
                "Élan Über Ärzte             | EUA",
                "Çelik Őrs Ñandú             | CON",
                "Øster Ærø Homes             | OAH",
                "Straße Immobilien           | SI",
                "  Spaced   Out   Name  Co   | SON",
                "123 Alpha Beta Gamma Delta  | ABG",
                "Alpha 99 Beta               | AB",
                "Tiny                        | TIN",
                "Xi 7                        | XI",
                "O'Brien Estates             | OE",
                "O'Brien                     | OBR",
                "Åkerlund & Rausing Ltd.     | ARL",
            })
    void derivesPrefixFromInitials(String name, String expected) {
        assertEquals(Optional.of(expected), CompanyNaming.derivePrefix(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X 123", "7 X 9", "123 456", "!!!", "", "Q"})
    void namesWithFewerThanTwoLettersNeedAnExplicitPrefix(String name) {
        assertTrue(CompanyNaming.derivePrefix(name).isEmpty(), name);
    }

    @Test
    void takenPrefixesGetTheNextFreeNumber() {
        assertEquals("LPL", CompanyNaming.firstFreePrefix("LPL", Set.of("LP", "LPLX")));
        assertEquals("LPL2", CompanyNaming.firstFreePrefix("LPL", Set.of("LPL")));
        assertEquals("LPL4", CompanyNaming.firstFreePrefix("LPL", Set.of("LPL", "LPL2", "LPL3")));
        assertEquals("LPL3", CompanyNaming.firstFreePrefix("LPL", Set.of("LPL", "LPL2", "LPL4")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Lamba Property Limited | lamba-property-limited",
                "Élan & Über, Ltd.      | elan-uber-ltd",
                "!!!                    | company",
            })
    void derivesSlugs(String name, String expected) {
        assertEquals(expected, CompanyNaming.deriveSlug(name));
    }

    @Test
    void takenSlugsGetANumberedSuffix() {
        assertEquals("sunrise-homes-2", CompanyNaming.firstFreeSlug("sunrise-homes", Set.of("sunrise-homes")));
    }

    @Test
    void explicitPrefixesAreLettersThenOptionalDigits() {
        assertTrue(CompanyNaming.EXPLICIT_PREFIX.matcher("LPL2").matches());
        assertTrue(CompanyNaming.EXPLICIT_PREFIX.matcher("ABCDEF").matches());
        assertFalse(CompanyNaming.EXPLICIT_PREFIX.matcher("A").matches());
        assertFalse(CompanyNaming.EXPLICIT_PREFIX.matcher("ABCDEFG").matches());
        assertFalse(CompanyNaming.EXPLICIT_PREFIX.matcher("lpl").matches());
        assertFalse(CompanyNaming.EXPLICIT_PREFIX.matcher("2LP").matches());
    }
}
