package com.estatedesk.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.estatedesk.platform.openapi.ResourceModel.Endpoint;
import com.estatedesk.testsupport.ResourceModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's role table says what {@code @RolesAllowed} on the resource methods says ({@link Access},
 * the same reading the server enforces and the OpenAPI document prints as {@code x-roles}): every
 * endpoint appears in exactly one row, and a cell is {@code -} exactly when that role is refused.
 */
class RoleTableTest {

    private static final List<String> COLUMNS = List.of("PLATFORM_ADMIN", "COMPANY_ADMIN", "MARKETER", "CLIENT");
    private static final Pattern SPAN = Pattern.compile("`([A-Z]+(?:/[A-Z]+)*) (/[^`]*)`");

    @Test
    void readmeRoleTableMatchesTheDeclaredRoles() throws IOException {
        Map<String, String> readme = readmeTable(); // "GET /clients/{}" -> "COMPANY_ADMIN,MARKETER,CLIENT" or "anyone"
        Map<String, String> declared = new TreeMap<>();
        for (Endpoint endpoint : ResourceModel.endpoints()) {
            String key = endpoint.httpMethod() + " " + normalized(endpoint.template());
            declared.put(key, endpoint.permitAll() ? "anyone" : String.join(",", new TreeSet<>(endpoint.roles())));
        }
        assertTrue(declared.size() > 30, "too few endpoints read: " + declared.keySet());
        Map<String, String> differences = new TreeMap<>();
        declared.forEach((key, roles) -> {
            if (!roles.equals(readme.get(key))) {
                differences.put(key, "declared " + roles + ", README " + readme.get(key));
            }
        });
        readme.keySet().stream()
                .filter(key -> !declared.containsKey(key))
                .forEach(key -> differences.put(key, "only in the README"));
        assertEquals(Map.of(), differences, "README 'API (v1)' role table vs @RolesAllowed");
    }

    private static Map<String, String> readmeTable() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int header = lines.indexOf("| endpoint | " + String.join(" | ", COLUMNS) + " |");
        assertTrue(header >= 0, "README has no role table");
        Map<String, String> table = new TreeMap<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).substring(1).split("\\|");
            Set<String> allowed = new TreeSet<>();
            boolean anyone = false;
            for (int c = 0; c < COLUMNS.size(); c++) {
                String cell = cells[c + 1].trim();
                anyone |= cell.equals("anyone");
                if (!cell.equals("-")) {
                    allowed.add(COLUMNS.get(c));
                }
            }
            String roles = anyone ? "anyone" : String.join(",", allowed);
            Matcher span = SPAN.matcher(cells[0]);
            while (span.find()) {
                for (String method : span.group(1).split("/")) {
                    for (String path : expand(span.group(2))) {
                        String key = method + " " + normalized(path);
                        String earlier = table.put(key, roles);
                        assertEquals(null, earlier, key + " appears twice in the README's role table");
                    }
                }
            }
        }
        return table;
    }

    /** {@code /estates[/{id}[/plots]]} is /estates, /estates/{id} and /estates/{id}/plots. */
    static List<String> expand(String path) {
        int open = path.indexOf('[');
        if (open < 0) {
            return List.of(path);
        }
        int depth = 0;
        int close = open;
        for (; close < path.length(); close++) {
            depth += path.charAt(close) == '[' ? 1 : path.charAt(close) == ']' ? -1 : 0;
            if (depth == 0) {
                break;
            }
        }
        List<String> paths = new ArrayList<>();
        String before = path.substring(0, open);
        String after = path.substring(close + 1);
        paths.addAll(expand(before + after));
        paths.addAll(expand(before + path.substring(open + 1, close) + after));
        return paths;
    }

    private static String normalized(String template) {
        return template.replaceAll("\\?.*$", "").replaceAll("\\{[^}]*}", "{}");
    }
}
