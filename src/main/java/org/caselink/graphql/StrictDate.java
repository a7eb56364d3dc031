package org.caselink.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * The {@code Date} scalar, strict: 2011-02-30 is refused, not quietly turned into 2011-02-28 (a
 * wrong date of birth would break identity matching). ISO 8601 calendar dates only.
 */
final class StrictDate {

    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
            .name("Date")
            .description("A calendar date, ISO 8601 (2005-02-01)")
            .coercing(new Coercing<LocalDate, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof LocalDate d) {
                        return ISO.format(d);
                    }
                    throw new CoercingSerializeException("not a date: " + value);
                }

                @Override
                public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
                    if (input instanceof String s) {
                        return parse(s, CoercingParseValueException::new);
                    }
                    throw new CoercingParseValueException("a Date must be a string such as 2005-02-01");
                }

                @Override
                public LocalDate parseLiteral(
                        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    if (input instanceof StringValue s) {
                        return parse(s.getValue(), CoercingParseLiteralException::new);
                    }
                    throw new CoercingParseLiteralException("a Date must be a string such as 2005-02-01");
                }
            })
            .build();

    private StrictDate() {}

    private static <E extends RuntimeException> LocalDate parse(
            String s, java.util.function.Function<String, E> error) {
        try {
            return LocalDate.parse(s, ISO);
        } catch (DateTimeParseException e) {
            throw error.apply("not a valid ISO 8601 date (yyyy-mm-dd): " + s);
        }
    }
}
