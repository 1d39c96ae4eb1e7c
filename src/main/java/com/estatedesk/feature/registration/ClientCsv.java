package com.estatedesk.feature.registration;

import com.estatedesk.feature.people.model.PersonView;
import com.estatedesk.infra.identity.Emails;
import com.estatedesk.infra.problem.Problem.FieldError;
import com.estatedesk.infra.problem.Problems;
import com.estatedesk.infra.rest.PlainText;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** Clients as CSV ({@code name,email,phone}), with Apache Commons CSV: reading an import, writing an export. */
public final class ClientCsv {

    static final String[] COLUMNS = {"name", "email", "phone"};
    /** The export's header: accepted by the import too, its other columns ignored (a new client gets a new uid). */
    static final List<String> EXPORT_COLUMNS =
            List.of("uid", "number", "name", "email", "phone", "status", "createdAt");

    /** The rows of an import as read, each with its row number (the header is row 1), and what is wrong with them. */
    public record Rows(List<NewPerson> people, List<Long> rowNumbers, List<FieldError> errors) {}

    private static final int MAX_REPORTED_ERRORS = 100;
    private static final Pattern FORMULA = Pattern.compile("'*[=+\\-@\t\r]");

    private ClientCsv() {}

    /**
     * Reads and validates every row before anything is created; row numbers count the header as row 1.
     * Any bad row → one 400 problem listing the bad rows (up to 100).
     */
    /** Bytes that are not UTF-8 are refused, not replaced by U+FFFD and stored. */
    private static Reader strictUtf8(InputStream csv) {
        return new InputStreamReader(
                csv,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** Spreadsheets save CSV with a UTF-8 byte-order mark: it is not part of the first column's name. */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    public static Rows read(InputStream csv, Validator validator) {
        List<NewPerson> people = new ArrayList<>();
        List<Long> rowNumbers = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Long> firstRowOfEmail = new HashMap<>();
        long lastRow = 1;
        try (CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(withoutByteOrderMark(strictUtf8(csv)))) {
            List<String> header = parser.getHeaderNames();
            if (!header.equals(List.of(COLUMNS)) && !header.equals(EXPORT_COLUMNS)) {
                throw Problems.invalid(
                        "header",
                        "must be name,email,phone (or the export's " + String.join(",", EXPORT_COLUMNS) + "); got "
                                + String.join(",", header));
            }
            for (CSVRecord record : parser) {
                long row = record.getRecordNumber() + 1;
                lastRow = row;
                if (record.size() != header.size()) {
                    errors.add(new FieldError(
                            "row " + row, "has " + record.size() + " columns, expected " + header.size()));
                    continue;
                }
                for (String column : COLUMNS) {
                    // The JSON bodies' rules: name and email must show something; no cell holds control
                    // or bidirectional characters.
                    String problem = PlainText.problem(record.get(column), false, !column.equals("phone"));
                    if (problem != null) {
                        errors.add(new FieldError("row " + row + ": " + column, problem));
                    }
                }
                NewPerson person = new NewPerson(
                        unescape(record.get("name")),
                        unescape(record.get("email")),
                        record.get("phone").isBlank() ? null : unescape(record.get("phone")),
                        null,
                        null);
                for (ConstraintViolation<NewPerson> violation : validator.validate(person)) {
                    errors.add(
                            new FieldError("row " + row + ": " + violation.getPropertyPath(), violation.getMessage()));
                }
                if (person.email() != null) {
                    Long earlier = firstRowOfEmail.putIfAbsent(Emails.normalize(person.email()), row);
                    if (earlier != null) {
                        errors.add(new FieldError("row " + row + ": email", "repeats the email of row " + earlier));
                    }
                }
                people.add(person);
                rowNumbers.add(row);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // The library's message names its own classes: say only where reading stopped, and why in our words.
            boolean notUtf8 = hasCause(e, CharacterCodingException.class);
            throw Problems.badRequest(
                    notUtf8
                            ? "The body is not UTF-8 (after row " + lastRow + ")."
                            : "The body is not CSV with the header name,email,phone: it cannot be read after row "
                                    + lastRow + " (check its quotes).");
        }
        if (people.isEmpty() && errors.isEmpty()) {
            throw Problems.invalid("body", "has no rows after the header");
        }
        return new Rows(people, rowNumbers, errors);
    }

    /** Every bad row in one answer, by row number (the first 100 errors listed, every bad row counted). */
    static void report(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(ClientCsv::rowOf));
            long badRows = errors.stream().mapToInt(ClientCsv::rowOf).distinct().count();
            throw Problems.invalidRows(
                    errors.size() > MAX_REPORTED_ERRORS ? errors.subList(0, MAX_REPORTED_ERRORS) : errors, badRows);
        }
    }

    private static int rowOf(FieldError error) {
        String digits = error.field().replaceAll("^row (\\d+).*", "$1");
        return digits.matches("\\d+") ? Integer.parseInt(digits) : 0;
    }

    public static CSVPrinter printer(Writer out) {
        try {
            CSVPrinter printer = CSVFormat.DEFAULT.print(out);
            printer.printRecord("uid", "number", "name", "email", "phone", "status", "createdAt");
            return printer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void print(CSVPrinter printer, PersonView person) throws IOException {
        printer.printRecord(
                person.uid(),
                person.number(),
                escape(person.name()),
                escape(person.email()),
                person.phone() == null ? "" : escape(person.phone()),
                person.status().name(),
                person.createdAt());
    }

    /**
     * A spreadsheet runs a cell that starts with =, +, -, @, TAB or CR as a formula: such a cell is written
     * with a leading apostrophe, which spreadsheets show as text. A cell that already starts with
     * apostrophes before such a character gets one more, so that {@link #unescape} restores every value
     * exactly and an import of an export changes no name.
     */
    static String escape(String cell) {
        return FORMULA.matcher(cell).lookingAt() ? "'" + cell : cell;
    }

    static String unescape(String cell) {
        return cell.startsWith("'") && FORMULA.matcher(cell.substring(1)).lookingAt() ? cell.substring(1) : cell;
    }
}
