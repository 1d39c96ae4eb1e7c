package com.estatedesk.infra.paging;

import com.estatedesk.infra.problem.Problems;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code ?limit=&cursor=} of a list: keyset pagination. The cursor is opaque to clients; inside it is
 * the sort key of the last row returned, so pages stay stable while rows are added.
 */
public record PageRequest(int limit, long after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final String CURSOR_VERSION = "v1:";

    public static PageRequest of(String limitParam, String cursorParam) {
        int limit = DEFAULT_LIMIT;
        if (limitParam != null) {
            try {
                limit = Integer.parseInt(limitParam.trim());
            } catch (NumberFormatException e) {
                throw Problems.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw Problems.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        return new PageRequest(limit, cursorParam == null ? 0 : decode(cursorParam));
    }

    public static String cursorAfter(long sortKey) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((CURSOR_VERSION + sortKey).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_VERSION)) {
                long after = Long.parseLong(text.substring(CURSOR_VERSION.length()));
                if (after >= 0) {
                    return after;
                }
            }
        } catch (IllegalArgumentException invalid) {
            // falls through to the same answer as any other unreadable cursor
        }
        throw Problems.invalid("cursor", "is not a cursor this API issued");
    }
}
