package com.estatedesk.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.estatedesk.platform.sequence.SequenceKey;
import com.estatedesk.platform.sequence.Uids;
import com.estatedesk.testsupport.Api;
import com.estatedesk.testsupport.Concurrently;
import com.estatedesk.testsupport.Db;
import com.estatedesk.testsupport.Fixtures;
import com.estatedesk.testsupport.Fixtures.Company;
import com.estatedesk.testsupport.HttpApiTest;
import com.estatedesk.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guarantee 1 of the SPEC: each company's marketer and client numbers are exactly 1..n, under any
 * concurrency; uids are {prefix}-{role}{number}. Real concurrent HTTP requests against Payara Micro
 * and PostgreSQL; the database is read directly to check what was committed.
 */
class CompanyScopedIdsIT extends HttpApiTest {

    /** The audit's SQL form of a uid (Uids.sql), run by PostgreSQL, equals Uids.format, also past 999. */
    @Test
    void theAuditsSqlUidIsTheServicesUid() {
        for (SequenceKey code : SequenceKey.values()) {
            for (long number : new long[] {1, 7, 42, 999, 1000, 1001, 123_456, 9_876_543_210L}) {
                assertEquals(
                        Uids.format("LPL", code, number),
                        Db.text(
                                "select " + Uids.sql("v.prefix", "v.code", "v.number")
                                        + " from (select cast(? as text) as prefix, cast(? as text) as code, cast(? as bigint) as number) v",
                                "LPL",
                                code.name(),
                                number),
                        code + " " + number);
            }
        }
    }

    @Test
    void concurrentRegistrationsAreGapless() {
        Company company = fixtures.company("Gapless Estates");

        List<Api.Reply> replies = Concurrently.run(
                100, i -> fixtures.register(company, "marketers", "Agent " + i, "agent" + i + "@gapless.test"));

        assertTrue(
                replies.stream().allMatch(reply -> reply.status() == 201), () -> "not all 201: " + statuses(replies));
        List<Long> returned = replies.stream()
                .map(reply -> reply.json().getJsonNumber("number").longValue())
                .sorted()
                .toList();
        assertEquals(LongStream.rangeClosed(1, 100).boxed().toList(), returned);
        replies.forEach(reply -> assertEquals(
                String.format(
                        "%s-MKT%03d",
                        company.prefix(), reply.json().getJsonNumber("number").longValue()),
                reply.json().getString("uid")));
        assertEquals(LongStream.rangeClosed(1, 100).boxed().toList(), committedNumbers("marketer", company));
        assertEquals(100, sequenceValue(company, "MKT"));
    }

    @Test
    void parallelCompaniesEachGetTheirOwnGaplessNumbers() {
        Company first = fixtures.company("Parallel One");
        Company second = fixtures.company("Parallel Two");

        List<Api.Reply> replies = Concurrently.run(
                80,
                i -> fixtures.register(
                        i % 2 == 0 ? first : second, "clients", "Buyer " + i, "buyer" + i + "@parallel.test"));

        assertTrue(replies.stream().allMatch(reply -> reply.status() == 201), () -> statuses(replies));
        assertEquals(LongStream.rangeClosed(1, 40).boxed().toList(), committedNumbers("client", first));
        assertEquals(LongStream.rangeClosed(1, 40).boxed().toList(), committedNumbers("client", second));
        assertTrue(replies.stream()
                .allMatch(reply -> reply.json()
                        .getString("uid")
                        .startsWith((reply.json().getString("email").matches("buyer\\d*[02468]@.*") ? first : second)
                                        .prefix()
                                + "-CLT")));
    }

    @Test
    void failedInsertLeavesNoGap() {
        Company company = fixtures.company("No Gap Homes");
        assertEquals(
                201,
                fixtures.register(company, "clients", "First", "same@nogap.test")
                        .status());

        Api.Reply duplicate = fixtures.register(company, "clients", "Again", "SAME@nogap.test");
        assertEquals(409, duplicate.status(), duplicate::toString);
        assertTrue(duplicate.isProblem());

        // Racing duplicates pass the existence check together; the unique constraint stops all but one,
        // and their sequence increments roll back with them.
        List<Api.Reply> racing =
                Concurrently.run(10, i -> fixtures.register(company, "clients", "Racer " + i, "racer@nogap.test"));
        assertEquals(1, racing.stream().filter(reply -> reply.status() == 201).count(), () -> statuses(racing));
        assertEquals(9, racing.stream().filter(reply -> reply.status() == 409).count(), () -> statuses(racing));

        Api.Reply next = fixtures.register(company, "clients", "Next", "next@nogap.test");
        assertEquals(3, next.json().getJsonNumber("number").longValue());
        assertEquals(List.of(1L, 2L, 3L), committedNumbers("client", company));
        assertEquals(3, sequenceValue(company, "CLT"));
    }

    @Test
    void missingSequenceRowContinuesAfterTheHighestNumber() {
        Company company = fixtures.company("Imported Data");
        for (int i = 1; i <= 3; i++) {
            assertEquals(
                    201,
                    fixtures.register(company, "clients", "Old " + i, "old" + i + "@imported.test")
                            .status());
        }
        // As if the clients had been loaded from elsewhere, without their sequence.
        assertEquals(
                1, Db.update("delete from company_sequence where company_id = ? and seq_key = 'CLT'", company.id()));

        Api.Reply fourth = fixtures.register(company, "clients", "New", "new@imported.test");
        assertEquals(4, fourth.json().getJsonNumber("number").longValue(), fourth::toString);
        assertEquals(4, sequenceValue(company, "CLT"));

        // Missing again, now with ten registrations racing to re-create it.
        Db.update("delete from company_sequence where company_id = ? and seq_key = 'CLT'", company.id());
        List<Api.Reply> racing = Concurrently.run(
                10, i -> fixtures.register(company, "clients", "Racer " + i, "racer" + i + "@imported.test"));
        assertTrue(racing.stream().allMatch(reply -> reply.status() == 201), () -> statuses(racing));
        assertEquals(LongStream.rangeClosed(1, 14).boxed().toList(), committedNumbers("client", company));
        assertEquals(14, sequenceValue(company, "CLT"));
    }

    @Test
    void numbersAreLockedWithSelectForUpdate() throws Exception {
        Company company = fixtures.company("Locked Row");
        assertEquals(
                201,
                fixtures.register(company, "marketers", "Before", "before@locked.test")
                        .status());

        try (Connection holder = Db.superuser()) {
            holder.setAutoCommit(false);
            lockSequenceRow(holder, company, "MKT");
            CompletableFuture<Api.Reply> waiting = CompletableFuture.supplyAsync(
                    () -> fixtures.register(company, "marketers", "Waiter", "waiter@locked.test"));

            String blockedQuery = awaitBlockedQueryOnSequence();
            assertTrue(
                    blockedQuery.toLowerCase().matches("(?s)select .* from company_sequence .*for update.*"),
                    () -> "the registration waits in: " + blockedQuery);
            assertFalse(waiting.isDone());

            holder.commit();
            Api.Reply reply = waiting.get(30, TimeUnit.SECONDS);
            assertEquals(201, reply.status(), reply::toString);
            assertEquals(2, reply.json().getJsonNumber("number").longValue());
        }
    }

    @Test
    void lockTimeoutAnswers503WithRetryAfterAndLeavesNoGap() throws Exception {
        Company company = fixtures.company("Busy Row");
        assertEquals(
                201,
                fixtures.register(company, "clients", "Before", "before@busy.test")
                        .status());

        Api.Reply refused;
        try (Connection holder = Db.superuser()) {
            holder.setAutoCommit(false);
            lockSequenceRow(holder, company, "CLT");
            // Held longer than the service's lock timeout (ESTATEDESK_LOCK_TIMEOUT_MS=3000 in the build).
            refused = fixtures.register(company, "clients", "Refused", "refused@busy.test");
            holder.rollback();
        }
        assertEquals(503, refused.status(), refused::toString);
        assertTrue(refused.isProblem());
        assertEquals("1", refused.header("Retry-After").orElse(null));
        assertFalse(refused.body().contains("Exception"), refused::toString);

        Api.Reply retried = fixtures.register(company, "clients", "Refused", "refused@busy.test");
        assertEquals(201, retried.status(), retried::toString);
        assertEquals(2, retried.json().getJsonNumber("number").longValue());
        assertEquals(List.of(1L, 2L), committedNumbers("client", company));
    }

    /**
     * Registrations that queue behind a busy company are written together (one transaction, one lock, one
     * block of numbers), and each still gets exactly the answer it would get alone: a taken email 409,
     * twins one 201 and one 409, a replayed Idempotency-Key its first response, one key sent twice at
     * once one 201 and one 409 (in progress).
     */
    @Test
    void registrationsQueuedBehindABusyCompanyAreWrittenTogetherEachWithItsOwnAnswer() throws Exception {
        Company company = fixtures.company("Batch Homes");
        assertEquals(
                201,
                fixtures.register(company, "clients", "Taken", "taken@batch.test")
                        .status());
        String replayedBody = Fixtures.person("Replayed", "replayed@batch.test", null);
        Api.Reply original = api.postWithKey("/clients", company.adminToken(), "replayed-key", replayedBody);
        assertEquals(201, original.status(), original::toString);
        String newKeyBody = Fixtures.person("Keyed", "keyed@batch.test", null);
        List<Supplier<Api.Reply>> queued = List.of(
                () -> fixtures.register(company, "clients", "Taken Again", "TAKEN@batch.test"),
                () -> fixtures.register(company, "clients", "Twin One", "twin@batch.test"),
                () -> fixtures.register(company, "clients", "Twin Two", "twin@batch.test"),
                () -> api.postWithKey("/clients", company.adminToken(), "replayed-key", replayedBody),
                () -> api.postWithKey("/clients", company.adminToken(), "new-key", newKeyBody),
                () -> api.postWithKey("/clients", company.adminToken(), "new-key", newKeyBody));
        String before = api.metrics();

        List<Api.Reply> replies = registerWhileTheFirstWaitsOnTheLock(company, queued, () -> {});

        Api.Reply first = replies.get(0);
        assertEquals(201, first.status(), first::toString);
        assertEquals(3, first.json().getJsonNumber("number").longValue(), "the first was written alone, first");
        assertEquals(409, replies.get(1).status(), replies.get(1)::toString);
        assertTrue(replies.get(1).isProblem());
        assertEquals(
                List.of(201, 409),
                Stream.of(replies.get(2), replies.get(3))
                        .map(Api.Reply::status)
                        .sorted()
                        .toList());
        assertEquals(201, replies.get(4).status(), replies.get(4)::toString);
        assertEquals(original.body(), replies.get(4).body(), "a replay, not a new client");
        assertEquals(
                List.of(201, 409),
                Stream.of(replies.get(5), replies.get(6))
                        .map(Api.Reply::status)
                        .sorted()
                        .toList());
        String after = api.metrics();
        assertEquals(2.0, Api.delta(before, after, "estatedesk_registration_batch_size_count"), "alone, then together");
        assertEquals(7.0, Api.delta(before, after, "estatedesk_registration_batch_size_sum"));
        Api.Reply keyed = replies.get(5).status() == 201 ? replies.get(5) : replies.get(6);
        assertEquals(
                keyed.body(),
                api.postWithKey("/clients", company.adminToken(), "new-key", newKeyBody)
                        .body(),
                "the key was stored with the batch");

        assertEquals(LongStream.rangeClosed(1, 5).boxed().toList(), committedNumbers("client", company));
        assertEquals(5, sequenceValue(company, "CLT"));
    }

    /**
     * A batch that fails for one request's reason (here its Idempotency-Key is stored by another
     * transaction between the batch's check and its insert) rolls back without using a number; each of
     * its registrations is then written alone and gets its own answer.
     */
    @Test
    void aBatchThatFailsForOneRequestIsWrittenAgainOneByOne() throws Exception {
        Company company = fixtures.company("Batch Retry");
        long adminAccount = Db.single("select id from account where email = ?", company.adminEmail());
        String clashingBody = Fixtures.person("Clashing", "clashing@retry.test", null);
        List<Supplier<Api.Reply>> queued = List.of(
                () -> fixtures.register(company, "clients", "Plain One", "one@retry.test"),
                () -> api.postWithKey("/clients", company.adminToken(), "clashing-key", clashingBody),
                () -> fixtures.register(company, "clients", "Plain Two", "two@retry.test"),
                () -> fixtures.register(company, "clients", "Plain Three", "three@retry.test"));
        String before = api.metrics();

        List<Api.Reply> replies;
        try (Connection other = Db.superuser()) {
            other.setAutoCommit(false);
            Db.prepare(
                            other,
                            "insert into idempotency_key (caller, idem_key, fingerprint, response, created_at)"
                                    + " values (?, 'clashing-key', 'another request', '{}', now())",
                            "company:" + company.id() + ":account:" + adminAccount)
                    .executeUpdate();
            replies = registerWhileTheFirstWaitsOnTheLock(company, queued, () -> {
                try {
                    awaitBlockedQueryOn("idempotency_key"); // the batch, on the uncommitted key
                    other.commit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        assertEquals(201, replies.get(0).status(), replies.get(0)::toString);
        assertEquals(422, replies.get(2).status(), replies.get(2)::toString);
        for (int plain : List.of(1, 3, 4)) {
            assertEquals(201, replies.get(plain).status(), replies.get(plain)::toString);
        }
        assertEquals(0, Db.single("select count(*) from client where email = 'clashing@retry.test'"));
        assertEquals(LongStream.rangeClosed(1, 4).boxed().toList(), committedNumbers("client", company));
        assertEquals(4, sequenceValue(company, "CLT"));
        String after = api.metrics();
        assertEquals(
                6.0,
                Api.delta(before, after, "estatedesk_registration_batch_size_count"),
                "alone, together, then 4 alone");
        assertEquals(9.0, Api.delta(before, after, "estatedesk_registration_batch_size_sum"));
    }

    /**
     * Holds the company's client sequence row, sends one registration (it waits on the row lock in the
     * database), then the {@code queued} ones (they wait in the service for the company's turn), releases
     * the row, runs {@code meanwhile}, and returns all answers: the first one's, then the queued in order.
     */
    private List<Api.Reply> registerWhileTheFirstWaitsOnTheLock(
            Company company, List<Supplier<Api.Reply>> queued, Runnable meanwhile) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(queued.size() + 1);
        try (Connection holder = Db.superuser()) {
            holder.setAutoCommit(false);
            lockSequenceRow(holder, company, "CLT");
            Future<Api.Reply> first = senders.submit(
                    () -> fixtures.register(company, "clients", "First", "first-" + company.prefix() + "@batch.test"));
            awaitBlockedQueryOnSequence();
            List<Future<Api.Reply>> rest = new ArrayList<>();
            for (Supplier<Api.Reply> send : queued) {
                rest.add(senders.submit(send::get));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (Api.metric(api.metrics(), "estatedesk_registration_waiting") < queued.size()) {
                assertTrue(System.nanoTime() < deadline, "the queued registrations never waited for their turn");
                Thread.sleep(20);
            }
            holder.rollback();
            meanwhile.run();
            List<Api.Reply> replies = new ArrayList<>();
            replies.add(first.get(30, TimeUnit.SECONDS));
            for (Future<Api.Reply> reply : rest) {
                replies.add(reply.get(30, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void uidsKeepAtLeastThreeDigitsAndGrowPastThem() {
        Company company = fixtures.company("Thousand Plots");
        // 998 marketers loaded from elsewhere (as the owner could), with their sequence: the next are 999 and 1000.
        assertEquals(
                998,
                Db.update(
                        "insert into marketer (id, company_id, uid, uid_number, name, email, status, created_at)"
                                + " select nextval('person_id_seq'), ?, ? || '-MKT' || lpad(n::text, 3, '0'), n, 'Loaded ' || n,"
                                + " 'loaded' || n || '@thousand.test', 'ACTIVE', now() from generate_series(1, 998) n",
                        company.id(),
                        company.prefix()));
        assertEquals(
                1,
                Db.update(
                        "update company_sequence set last_value = 998 where company_id = ? and seq_key = 'MKT'",
                        company.id()));

        assertEquals(
                company.prefix() + "-MKT999",
                fixtures.register(company, "marketers", "Nine", "nine@thousand.test")
                        .json()
                        .getString("uid"));
        assertEquals(
                company.prefix() + "-MKT1000",
                fixtures.register(company, "marketers", "Thousand", "thousand@thousand.test")
                        .json()
                        .getString("uid"));
        assertEquals(LongStream.rangeClosed(1, 1000).boxed().toList(), committedNumbers("marketer", company));
    }

    @Test
    void prefixesAreDerivedUniqueAndImmutable() {
        Company first = fixtures.company("Quill Umber Vale Limited", null);
        Company second = fixtures.company("Quiet Urban Villas", null);
        Company third = fixtures.company("quaint UPLAND valley homes", null);
        assertEquals("QUV", first.prefix());
        assertEquals("QUV2", second.prefix());
        assertEquals("QUV3", third.prefix());

        assertEquals("EUA", fixtures.company("Élan Über Ärzte", null).prefix());
        assertEquals("XAV", fixtures.company("Xavier 123", null).prefix());
        assertEquals("SH", fixtures.company("Sunrise Homes", null).prefix());

        Api.Reply sameName =
                api.post("/companies", fixtures.platformToken(), newCompanyJson("QUILL umber vale limited", null));
        assertEquals(409, sameName.status(), sameName::toString);

        Api.Reply takenPrefix =
                api.post("/companies", fixtures.platformToken(), newCompanyJson("Totally Different", "QUV2"));
        assertEquals(409, takenPrefix.status(), takenPrefix::toString);

        Api.Reply tooShort = api.post("/companies", fixtures.platformToken(), newCompanyJson("X 99", null));
        assertEquals(400, tooShort.status(), tooShort::toString);
        assertEquals(
                "prefix",
                tooShort.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("XNN", fixtures.company("X 98", "XNN").prefix());

        Api.Reply badPrefix = api.post("/companies", fixtures.platformToken(), newCompanyJson("Bad Prefix Co", "lp1x"));
        assertEquals(400, badPrefix.status(), badPrefix::toString);

        Api.Reply renamed =
                api.patch("/companies/" + first.id(), fixtures.platformToken(), "{\"name\":\"Renamed Estates\"}");
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals("QUV", renamed.json().getString("prefix"));
        assertEquals("Renamed Estates", renamed.json().getString("name"));

        Api.Reply prefixChange =
                api.patch("/companies/" + first.id(), fixtures.platformToken(), "{\"prefix\":\"NEW\"}");
        assertEquals(400, prefixChange.status(), prefixChange::toString);
        assertEquals(
                "QUV",
                api.get("/companies/" + first.id(), fixtures.platformToken())
                        .json()
                        .getString("prefix"));

        // Not even the database lets it change.
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class,
                () -> Db.update("update company set prefix = 'NEW' where id = ?", first.id()));
        assertTrue(refused.getCause().getMessage().contains("immutable"), refused::toString);
    }

    private String newCompanyJson(String name, String prefix) {
        return "{\"name\":\"" + name + "\"," + (prefix == null ? "" : "\"prefix\":\"" + prefix + "\",")
                + "\"admin\":{\"name\":\"A\",\"email\":\"a-" + System.nanoTime()
                + "@x.test\",\"password\":\"long-enough\"}}";
    }

    private static List<Long> committedNumbers(String table, Company company) {
        return Db.longs("select uid_number from " + table + " where company_id = ? order by uid_number", company.id());
    }

    private static long sequenceValue(Company company, String key) {
        return Db.single(
                "select last_value from company_sequence where company_id = ? and seq_key = ?", company.id(), key);
    }

    private static void lockSequenceRow(Connection holder, Company company, String key) throws Exception {
        try (PreparedStatement lock = Db.prepare(
                        holder,
                        "select last_value from company_sequence where company_id = ? and seq_key = ? for update",
                        company.id(),
                        key);
                ResultSet row = lock.executeQuery()) {
            assertTrue(row.next());
        }
    }

    /** The query text of the application's backend that waits for a row lock on company_sequence. */
    private static String awaitBlockedQueryOnSequence() throws InterruptedException {
        return awaitBlockedQueryOn("company_sequence");
    }

    /** The query text of the application's backend that waits for a lock in a statement naming {@code table}. */
    private static String awaitBlockedQueryOn(String table) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Connection observer = Db.superuser();
                    PreparedStatement activity = Db.prepare(
                            observer,
                            "select query from pg_stat_activity where usename = ?"
                                    + " and wait_event_type = 'Lock' and query ilike ?",
                            TestDatabase.APP,
                            "%" + table + "%");
                    ResultSet rows = activity.executeQuery()) {
                if (rows.next()) {
                    return rows.getString(1);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no registration waited on a lock in " + table);
    }

    private static String statuses(List<Api.Reply> replies) {
        return replies.stream()
                        .collect(Collectors.groupingBy(Api.Reply::status, Collectors.counting()))
                        .toString() + " e.g. "
                + replies.stream()
                        .filter(reply -> reply.status() >= 300)
                        .findFirst()
                        .map(Object::toString)
                        .orElse("");
    }
}
