package com.estatedesk.infra.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.LocalTransactionException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** How database failures seen in the fault drill (scripts/faults.sh) reach the client: 503, never 500. */
class FailureClassifierTest {

    @Test
    void aConnectionEndedByTheServerIsA503() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "08006"}) {
            SQLException ended = new SQLException("FATAL: terminating connection due to administrator command", state);
            ProblemException answer = FailureClassifier.classify(new EJBException(new PersistenceException(ended)));
            assertEquals(503, answer.status(), state);
        }
    }

    /** Seen in the failover drill: a cached statement of a connection the failover cut. */
    @Test
    void aStatementOfALostConnectionIsA503ButOther55000sAreNot() {
        SQLException closed = new SQLException("This statement has been closed.", "55000");
        assertEquals(
                503,
                FailureClassifier.classify(new EJBException(new PersistenceException(closed)))
                        .status());
        assertEquals(
                500,
                FailureClassifier.classify(new SQLException("lock file exists", "55000"))
                        .status());
    }

    @Test
    void aPoolThatCannotHandOutAWorkingConnectionIsA503() {
        SQLException allocation = new SQLException(
                "Error in allocating a connection. Cause: This connection has been closed.",
                null,
                0,
                new LocalTransactionException("This connection has been closed."));
        assertEquals(
                503,
                FailureClassifier.classify(new PersistenceException(allocation)).status());
    }

    @Test
    void aCommitTheTransactionManagerCouldNotCompleteIsA503() {
        assertEquals(
                503,
                FailureClassifier.classify(new EJBException(new jakarta.transaction.SystemException()))
                        .status());
    }

    /** SQLSTATE class 22 (NUL in text, value too long, out of range): the input's fault, a 400 that echoes nothing. */
    @Test
    void dataExceptionsOfTheDatabaseAreTheClientsFault() {
        for (String state : new String[] {"22021", "22001", "22003", "22P02"}) {
            SQLException data =
                    new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00 in secret_table", state);
            ProblemException answer = FailureClassifier.classify(new EJBException(new PersistenceException(data)));
            assertEquals(400, answer.status(), state);
            assertFalse(answer.problem().detail.contains("secret_table"), "the database's message stays inside");
        }
    }

    @Test
    void anythingElseUnknownStaysA500() {
        assertEquals(
                500,
                FailureClassifier.classify(new IllegalStateException("a bug")).status());
        assertEquals(
                500,
                FailureClassifier.classify(new SQLException("syntax", "42601")).status());
    }
}
