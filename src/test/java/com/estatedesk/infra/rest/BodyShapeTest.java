package com.estatedesk.infra.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.estatedesk.infra.problem.Problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BodyShapeTest {

    enum Unit {
        SQUARE_METERS,
        ACRES
    }

    record Inner(String email) {}

    record Sample(
            String name,
            Long id,
            Integer units,
            Unit unit,
            List<Long> ids,
            Inner admin,
            Boolean flag,
            @MultilineText String body,
            Optional<Optional<String>> phone) {}

    record Named(
            @jakarta.validation.constraints.NotBlank String name,
            @MultilineText String body,
            String note) {}

    /** Issue 25, point 10: invisible names and bidirectional controls, named like every other field. */
    @Test
    void invisibleNamesAndBidirectionalControlsAreRefused() {
        for (String name : List.of("\u00a0\u00a0", "\u200b", "\ufeff\u200b\u00a0", "\u3164")) {
            List<FieldError> errors = BodyShape.check(
                    Json.createReader(new StringReader("{\"name\":\"" + name + "\"}"))
                            .readValue(),
                    Named.class);
            assertEquals(List.of("name"), errors.stream().map(FieldError::field).toList(), name);
        }
        List<FieldError> bidi = BodyShape.check(
                Json.createReader(new StringReader("{\"name\":\"Invoice\u202egpj.exe\",\"note\":\"a\u2066b\"}"))
                        .readValue(),
                Named.class);
        assertEquals(
                List.of("name", "note"), bidi.stream().map(FieldError::field).toList());
        // A message body may quote right-to-left text; a visible name with a no-break space is a name.
        assertTrue(BodyShape.check(
                        Json.createReader(new StringReader("{\"name\":\"Ada\u00a0Obi\",\"body\":\"\u202bx\u202c\"}"))
                                .readValue(),
                        Named.class)
                .isEmpty());
        // Plain white space is left to @NotBlank, which reports it once.
        assertTrue(BodyShape.check(
                        Json.createReader(new StringReader("{\"name\":\"  \"}")).readValue(), Named.class)
                .isEmpty());
    }

    private static List<FieldError> check(String json) {
        return BodyShape.check(Json.createReader(new StringReader(json)).readValue(), Sample.class);
    }

    private static List<String> fields(String json) {
        return check(json).stream().map(FieldError::field).toList();
    }

    @Test
    void aWellShapedBodyPasses() {
        assertEquals(
                List.of(),
                check(
                        "{\"name\":\"Ada\",\"id\":7,\"units\":3,\"unit\":\"ACRES\",\"ids\":[1,2],"
                                + "\"admin\":{\"email\":\"a@b.c\"},\"flag\":true,\"body\":\"two\\nlines\\twith tab\\r\\n\",\"phone\":null}"));
        assertEquals(List.of(), check("{\"name\":null}"), "null is Bean Validation's business");
    }

    @Test
    void anythingButAnObjectIsRefusedAsTheBody() {
        for (String body : List.of("[]", "\"x\"", "null", "3", "true")) {
            assertEquals(List.of("body"), fields(body), body);
        }
    }

    @Test
    void wrongTypesNameTheFieldAndNeverAJavaType() {
        assertEquals(List.of("name"), fields("{\"name\":5}"));
        assertEquals(List.of("id"), fields("{\"id\":\"7\"}"));
        assertEquals(List.of("id"), fields("{\"id\":1.5}"));
        assertEquals(List.of("units"), fields("{\"units\":3000000000}"));
        assertEquals(List.of("id"), fields("{\"id\":1e100000000}"));
        assertEquals(List.of("ids[1]"), fields("{\"ids\":[1,\"x\"]}"));
        assertEquals(List.of("ids"), fields("{\"ids\":5}"));
        assertEquals(List.of("admin.email"), fields("{\"admin\":{\"email\":[]}}"));
        assertEquals(List.of("admin"), fields("{\"admin\":\"x\"}"));
        assertEquals(List.of("flag"), fields("{\"flag\":\"true\"}"));
        assertEquals(List.of("phone"), fields("{\"phone\":5}"));
        assertEquals(List.of("extra"), fields("{\"extra\":1}"));
        FieldError unit = check("{\"unit\":\"SQM\"}").get(0);
        assertEquals("unit", unit.field());
        assertEquals("must be one of SQUARE_METERS, ACRES", unit.message());
        for (FieldError error : check("{\"name\":5,\"unit\":1,\"ids\":{},\"admin\":{\"email\":2}}")) {
            assertFalse(error.message().contains("java") || error.message().contains("estatedesk"), error.toString());
        }
    }

    @Test
    void controlCharactersAreRefusedAndOnlyMultilineTextMayHoldTabAndLineBreaks() {
        for (String control :
                List.of("\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\u0085", "\\u009f", "\\t", "\\n", "\\r")) {
            assertEquals(List.of("name"), fields("{\"name\":\"a" + control + "b\"}"), control);
            assertEquals(List.of("admin.email"), fields("{\"admin\":{\"email\":\"a" + control + "b\"}}"), control);
        }
        for (String allowed : List.of("\\t", "\\n", "\\r")) {
            assertEquals(List.of(), fields("{\"body\":\"a" + allowed + "b\"}"), allowed);
        }
        assertEquals(List.of("body"), fields("{\"body\":\"a\\u0000b\"}"));
        assertTrue(PlainText.isClean("Ngozi Èzè – 東京 🏠", false), "non-control Unicode is text");
    }

    @Test
    void integerBoundsAreJudgedWithoutExpandingTheNumber() {
        assertEquals(List.of(), fields("{\"id\":9223372036854775807}"));
        assertEquals(List.of("id"), fields("{\"id\":9223372036854775808}"));
        assertEquals(List.of(), fields("{\"id\":1e3}"));
        JsonValue huge = Json.createValue(new java.math.BigDecimal("1e999999999"));
        assertEquals(
                List.of("id"),
                BodyShape.check(Json.createObjectBuilder().add("id", huge).build(), Sample.class).stream()
                        .map(FieldError::field)
                        .toList());
    }
}
