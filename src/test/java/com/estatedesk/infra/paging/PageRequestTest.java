package com.estatedesk.infra.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.estatedesk.infra.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @Test
    void defaultsToFiftyFromTheStart() {
        assertEquals(new PageRequest(50, 0), PageRequest.of(null, null));
    }

    @Test
    void cursorsRoundTrip() {
        assertEquals(new PageRequest(10, 42), PageRequest.of("10", PageRequest.cursorAfter(42)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "-1", "ten", "1.5", ""})
    void limitsOutsideOneTo500AreRefused(String limit) {
        ProblemException problem = assertThrows(ProblemException.class, () -> PageRequest.of(limit, null));
        assertEquals(400, problem.status());
        assertEquals("limit", problem.errors().get(0).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"zzz", "djE6", "djE6LTE", "bm9wZTox", "%%%"})
    void foreignCursorsAreRefused(String cursor) {
        ProblemException problem = assertThrows(ProblemException.class, () -> PageRequest.of(null, cursor));
        assertEquals(400, problem.status());
        assertEquals("cursor", problem.errors().get(0).field());
    }

    @Test
    void theExtraRowOnlySignalsANextPage() {
        PageRequest request = new PageRequest(2, 0);
        Page<Long> full = Page.of(List.of(1L, 2L, 3L), request, Long::longValue, n -> n);
        assertEquals(List.of(1L, 2L), full.items());
        assertEquals(PageRequest.cursorAfter(2), full.next());
        Page<Long> last = Page.of(List.of(3L), request, Long::longValue, n -> n);
        assertNull(last.next());
    }
}
