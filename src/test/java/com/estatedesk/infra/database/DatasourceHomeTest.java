package com.estatedesk.infra.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The datasources have one home, {@link Database}; the owner's connection, which row-level security
 * does not limit, is taken only by the start-up work that needs it. A new caller fails here until it
 * is reviewed and added.
 */
class DatasourceHomeTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void onlyDatabaseNamesTheDatasources() throws IOException {
        assertEquals(Set.of("com/estatedesk/infra/database/Database.java"), filesContaining("jdbc/estatedesk"));
    }

    @Test
    void theOwnerConnectionIsTakenOnlyAtStartUp() throws IOException {
        assertEquals(
                Set.of(
                        "com/estatedesk/infra/database/Database.java",
                        "com/estatedesk/infra/database/DatabaseMigration.java",
                        "com/estatedesk/platform/security/SigningKeys.java"),
                filesContaining("ownerConnectionAtStartUp(", "ownerDataSourceForMigration("));
    }

    private static Set<String> filesContaining(String... needles) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> java =
                    files.filter(file -> file.toString().endsWith(".java")).toList();
            return java.stream()
                    .filter(file -> {
                        String text = read(file);
                        return Stream.of(needles).anyMatch(text::contains);
                    })
                    .map(file -> SOURCES.relativize(file).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
