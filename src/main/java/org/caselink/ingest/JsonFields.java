package org.caselink.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caselink.graphql.InvalidInputException;
import org.caselink.write.Validate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads of one field of a record's JSON for {@link RecordParser}: a string, a required
 * string, an object, a list, a list of strings, an enum value, a date-time or a date. A field of
 * the wrong shape fails with an {@link InvalidInputException} that names its path in the record
 * ({@code at} is the prefix of a nested object, such as {@code persons[2].}). Apart from the parser
 * so that it reads as the mapping of each kind of record, not as JSON plumbing.
 */
final class JsonFields {

    private JsonFields() {}

    static @Nullable String text(JsonNode n, String field) {
        return text(n, field, "");
    }

    static @Nullable String text(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw new InvalidInputException(at + field, "must be a string");
        }
        return v.asString();
    }

    static String required(JsonNode n, String field) {
        return required(n, field, "");
    }

    static String required(JsonNode n, String field, String at) {
        String v = text(n, field, at);
        if (v == null || v.isBlank()) {
            throw new InvalidInputException(at + field, "is required");
        }
        return v.strip();
    }

    static JsonNode object(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isObject()) {
            throw new InvalidInputException(field, "must be an object");
        }
        return v;
    }

    static List<JsonNode> array(JsonNode n, String field) {
        return array(n, field, "");
    }

    static List<JsonNode> array(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new InvalidInputException(at + field, "must be a list");
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return Validate.list(at + field, out);
    }

    static List<String> strings(JsonNode n, String field, String at) {
        List<JsonNode> values = array(n, field, at);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isString()) {
                throw new InvalidInputException(at + field + "[" + i + "]", "must be a string");
            }
            out.add(values.get(i).asString());
        }
        return out;
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = java.util.Arrays.stream(type.getEnumConstants())
                    .map(Enum::name)
                    .toList();
            throw new InvalidInputException(field, "must be one of " + String.join(", ", names) + ", not " + value);
        }
    }

    static OffsetDateTime dateTime(String field, String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    field, "must be an ISO 8601 date-time with offset, such as 2021-03-04T10:00:00Z");
        }
    }

    static @Nullable LocalDate date(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Validate.dob(field, LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO 8601 date, such as 2005-02-01");
        }
    }
}
