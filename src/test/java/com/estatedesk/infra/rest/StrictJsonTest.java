package com.estatedesk.infra.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.estatedesk.infra.problem.Problem.FieldError;
import com.estatedesk.infra.problem.ProblemException;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 25, points 2, 5, 6 and 7: what the JSON-P reader took, or failed on with a 500, is a 400 here. */
class StrictJsonTest {

    private static ProblemException refused(byte[] body) {
        return assertThrows(ProblemException.class, () -> StrictJson.read(new ByteArrayInputStream(body)));
    }

    private static ProblemException refused(String body) {
        return refused(body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> fields(ProblemException refused) {
        return refused.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aPlainObjectIsRead() {
        JsonObject read = StrictJson.read(new ByteArrayInputStream(
                        "{\"name\":\"Ada \\ud83d\\ude00\",\"ids\":[1,2],\"admin\":{\"email\":\"a@b.c\"}}  \n"
                                .getBytes(StandardCharsets.UTF_8)))
                .asJsonObject();
        assertEquals("Ada \ud83d\ude00", read.getString("name"));
        assertEquals(2, read.getJsonArray("ids").size());
    }

    @Test
    void deepNestingIsRefusedAt65LevelsWhateverTheDepth() {
        for (int depth : new int[] {65, 1_001, 100_000}) {
            ProblemException refused = refused("[".repeat(depth) + "]".repeat(depth));
            assertEquals(400, refused.status(), "depth " + depth);
        }
        StrictJson.check("{\"a\":" + "[".repeat(63) + "]".repeat(63) + "}"); // 64 levels pass
    }

    @Test
    void longNumberLiteralsAreRefusedNamingTheField() {
        ProblemException refused = refused("{\"recipientId\":" + "9".repeat(1_101) + "}");
        assertEquals(400, refused.status());
        assertEquals(List.of("recipientId"), fields(refused));
        assertEquals(List.of("plotNumberIds[1]"), fields(refused("{\"plotNumberIds\":[1," + "1".repeat(101) + "]}")));
        StrictJson.check("{\"n\":" + "1".repeat(100) + "}");
    }

    @Test
    void trailingDataAndSecondValuesAreRefused() {
        for (String body : List.of(
                "{\"name\":\"a\",\"email\":\"w@x.example\"} xyz",
                "{\"name\":\"a\"}{\"name\":\"b\"}",
                "{} []",
                "42 43")) {
            assertEquals(400, refused(body).status(), body);
        }
    }

    @Test
    void aRepeatedKeyIsRefusedNamingIt() {
        assertEquals(List.of("name"), fields(refused("{\"name\":\"a\",\"name\":\"b\"}")));
        assertEquals(List.of("admin.email"), fields(refused("{\"admin\":{\"email\":\"a\",\"email\":\"b\"}}")));
        StrictJson.check("{\"admin\":{\"email\":\"a\"},\"email\":\"b\"}"); // same key, other objects
    }

    @Test
    void bytesThatAreNotUtf8AndLoneSurrogatesAreRefused() {
        byte[] prefix = "{\"name\":\"a".getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : List.of(
                new byte[] {(byte) 0xff, (byte) 0xfe},
                new byte[] {(byte) 0xc0, (byte) 0x80}, // overlong NUL
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, // a surrogate encoded in UTF-8
                new byte[] {(byte) 0xe9})) { // latin-1 é
            byte[] body = new byte[prefix.length + bad.length + 2];
            System.arraycopy(prefix, 0, body, 0, prefix.length);
            System.arraycopy(bad, 0, body, prefix.length, bad.length);
            body[body.length - 2] = '"';
            body[body.length - 1] = '}';
            assertEquals(400, refused(body).status());
        }
        assertEquals(List.of("name"), fields(refused("{\"name\":\"a\\ud800b\"}")));
        assertEquals(List.of("name"), fields(refused("{\"name\":\"a\\udc00\"}")));
        assertEquals(400, refused("{\"a\\ud800\":1}").status());
    }

    @Test
    void emptyAndBrokenBodiesAreRefused() {
        for (String body : List.of("", "   ", "{\"name\":", "{\"a\":1}{", "[1,]", "nul")) {
            assertEquals(400, refused(body).status(), body);
        }
    }
}
