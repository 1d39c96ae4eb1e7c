package com.estatedesk.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A flood of guessed ids cannot grow a queue: beyond MOST_WAITING notes in flight, the rest are not handed over. */
class UnknownIdsTest {

    @Test
    void aFloodOfUnknownIdsQueuesAtMostTheBoundAndFreesItsRoomWhenNotesAreWritten() {
        List<Long> handedOver = new ArrayList<>();
        UnknownIds executorThatNeverRuns = new UnknownIds() {
            @Override
            public void note(long callerCompany, String table, long id) {
                handedOver.add(id); // queued; the room is given back only when the note is written
            }
        };
        for (long id = 1; id <= 1_000; id++) {
            UnknownIds.noteIfRoom(executorThatNeverRuns, 7, "client", id);
        }
        assertEquals(UnknownIds.WAITING.most(), handedOver.size());

        for (int i = 0; i < UnknownIds.WAITING.most(); i++) {
            UnknownIds.WAITING.done(); // the queued notes are written
        }
        UnknownIds.noteIfRoom(executorThatNeverRuns, 7, "client", 1_001);
        assertEquals(UnknownIds.WAITING.most() + 1, handedOver.size(), "room again once they are written");
        UnknownIds.WAITING.done();
    }
}
