package com.estatedesk.infra.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link Conflict} and the migrations name the same rules, so a 409's text is never lost to a rename. */
class ConflictTest {

    /**
     * Unique rules a valid request cannot break: numbers and uids come from the sequence lock, the
     * (company_id, id) keys exist for the composite foreign keys, a login belongs to one person. If one
     * of them is ever hit, that is a defect; it still answers 409, with the generic text, and is counted
     * in estatedesk_unique_violations_total.
     */
    private static final Set<String> NOT_CAUSED_BY_REQUESTS = Set.of(
            "uq_client_uid",
            "uq_marketer_uid",
            "uq_client_number",
            "uq_marketer_number",
            "uq_company_sequence_key",
            "uq_client_account",
            "uq_marketer_account",
            // 256 random bits: a second token with the same hash is never drawn
            "uq_account_token_hash");

    @Test
    void everyConflictNamesARuleOfTheMigrationsAndEveryUniqueRuleHasAnAnswer() throws IOException {
        String migrations;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db/migration"))) {
            migrations = files.filter(file -> file.toString().endsWith(".sql"))
                    .map(ConflictTest::read)
                    .collect(Collectors.joining("\n"))
                    .toLowerCase();
        }
        for (Conflict conflict : Conflict.values()) {
            assertTrue(
                    migrations.contains(conflict.constraint()),
                    conflict + ": no rule " + conflict.constraint() + " in the migrations");
        }
        Set<String> unique = new TreeSet<>();
        Matcher named = Pattern.compile("constraint (uq_[a-z0-9_]+)").matcher(migrations);
        while (named.find()) {
            unique.add(named.group(1));
        }
        unique.removeIf(name -> name.endsWith("_company_id") || NOT_CAUSED_BY_REQUESTS.contains(name));
        unique.removeAll(
                Arrays.stream(Conflict.values()).map(Conflict::constraint).toList());
        assertEquals(Set.of(), unique, "unique rules without a Conflict (add one, or say why no request can break it)");
    }

    @Test
    void aConstraintNamedInADatabaseErrorGetsItsText() {
        assertEquals(
                Conflict.PLOT_SIZE,
                Conflict.namedIn("duplicate key value violates unique constraint \"uq_plot_size_size\"")
                        .orElseThrow());
        assertEquals(
                Conflict.ESTATE_PLOT_SIZE,
                Conflict.namedIn("... constraint \"uq_estate_plot_size\" ...").orElseThrow());
        assertEquals(
                Conflict.COMPANY_NAME,
                Conflict.namedIn(
                                "unique index or primary key violation: \"public.uq_company_name_index_6 on public.company(name_key)\"")
                        .orElseThrow());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
