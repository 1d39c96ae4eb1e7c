package com.estatedesk.infra.rest;

import com.estatedesk.infra.problem.Problem.FieldError;
import com.estatedesk.infra.problem.ProblemException;
import com.estatedesk.infra.problem.Problems;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The one reader of JSON request bodies, strict where the JSON-P reader is lenient or fails badly: the
 * bytes must be UTF-8 (JSON-P would put U+FFFD in their place and store it), a string may not hold a
 * lone surrogate, a key may appear once per object (JSON-P keeps the last), nothing may follow the
 * value (JSON-P stops reading after it), nesting ends at {@value #MAX_DEPTH} levels and a number literal
 * at {@value #MAX_NUMBER_LENGTH} characters (deeper or longer, JSON-P answers with exceptions that
 * used to become 500s with a stack trace in the log). All of it is checked in one streaming pass
 * before anything builds a value, and every refusal is a 400 naming the field where there is one.
 */
public final class StrictJson {

    static final int MAX_DEPTH = 64;
    static final int MAX_NUMBER_LENGTH = 100;

    /** One factory each: Json.create* looks the JSON-P provider up anew on every call (a service-loader scan). */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private StrictJson() {}

    /** Reads a whole body; its size was already bounded by {@link BodySizeLimit}. */
    public static JsonValue read(InputStream body) {
        String text = utf8(body);
        check(text);
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw Problems.malformedJson("The request body is empty or not valid JSON.");
        }
    }

    private static String utf8(InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readAllBytes();
        } catch (IOException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ProblemException tooLarge) {
                    throw tooLarge;
                }
            }
            throw Problems.malformedJson("The request body could not be read.");
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw Problems.malformedJson("The request body is not UTF-8.");
        }
    }

    /** One level of nesting: the keys seen in it (an object) and the field it belongs to, as the client wrote it. */
    private static final class Level {
        final String path;
        final Set<String> keys; // null for an array
        String key;
        int index = -1;

        Level(String path, boolean object) {
            this.path = path;
            this.keys = object ? new HashSet<>() : null;
        }

        String field() {
            if (keys == null) {
                return path + "[" + index + "]";
            }
            return path.isEmpty() ? key : path + "." + key;
        }
    }

    static void check(String text) {
        Deque<Level> levels = new ArrayDeque<>();
        boolean done = false;
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            while (!done && parser.hasNext()) {
                JsonParser.Event event = parser.next();
                Level level = levels.peek();
                if (level != null && level.keys == null && event != JsonParser.Event.END_ARRAY) {
                    level.index++;
                }
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        if (levels.size() == MAX_DEPTH) {
                            throw Problems.malformedJson(
                                    "The request body is nested more than " + MAX_DEPTH + " levels deep.");
                        }
                        String path = level == null ? "" : level.field();
                        levels.push(new Level(path, event == JsonParser.Event.START_OBJECT));
                    }
                    case END_OBJECT, END_ARRAY -> {
                        levels.pop();
                        done = levels.isEmpty();
                    }
                    case KEY_NAME -> {
                        level.key = parser.getString();
                        if (hasLoneSurrogate(level.key)) {
                            throw Problems.malformedJson("A key of the request body holds a lone surrogate.");
                        }
                        if (!level.keys.add(level.key)) {
                            throw Problems.invalid(List.of(new FieldError(level.field(), "appears more than once")));
                        }
                    }
                    case VALUE_STRING -> {
                        if (hasLoneSurrogate(parser.getString())) {
                            throw Problems.invalid(List.of(new FieldError(
                                    field(level), "must not hold a lone surrogate (text that is not Unicode)")));
                        }
                        done = level == null;
                    }
                    case VALUE_NUMBER -> {
                        if (parser.getString().length() > MAX_NUMBER_LENGTH) {
                            throw Problems.invalid(List.of(new FieldError(
                                    field(level), "must be a number of at most " + MAX_NUMBER_LENGTH + " characters")));
                        }
                        done = level == null;
                    }
                    default -> done = level == null; // true, false, null
                }
            }
            if (!done) {
                throw Problems.malformedJson("The request body is empty or not valid JSON.");
            }
            if (parser.hasNext()) {
                throw trailingData();
            }
        } catch (JsonParsingException e) {
            throw done
                    ? trailingData()
                    : Problems.malformedJson("The request body is not valid JSON: " + e.getMessage());
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw done ? trailingData() : Problems.malformedJson("The request body is empty or not valid JSON.");
        }
    }

    private static ProblemException trailingData() {
        return Problems.malformedJson("The request body has data after its JSON value.");
    }

    private static String field(Level level) {
        return level == null ? "body" : level.field();
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
