package org.debtledger.edge;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/** What both sides refuse before a request reaches a controller: oversized bodies and loose JSON. */
@Configuration(proxyBeanMethods = false)
public class StrictInput {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})");

    /** Strict JSON at the edge: unknown fields, duplicate keys, nulls for numbers and trailing data are refused. */
    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // each value in the form the API promises: no "14" for a number, "true" for a boolean, 14.7 for 14,
                // 0 for an enum's first constant, a number or an empty string for a date
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // amounts and ids are strings: a JSON number is not silently turned into one
                .withCoercionConfig(LogicalType.Textual, textual -> textual
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, names -> names
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .addModule(new SimpleModule("strict-values")
                        .addDeserializer(String.class, new PlainText())
                        .addDeserializer(LocalDate.class, new IsoDate()));
    }

    /** Dates and instants in query parameters only in their ISO-8601 form, within years 0001 to 9999. */
    @Bean
    WebMvcConfigurer strictParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addFormatterForFieldType(LocalDate.class, parsedBy(StrictInput::isoDate));
                registry.addFormatterForFieldType(Instant.class, parsedBy(StrictInput::isoInstant));
            }
        };
    }

    private static <T> Formatter<T> parsedBy(Function<String, T> parse) {
        return new Formatter<>() {
            @Override
            public T parse(String text, Locale locale) {
                return parse.apply(text);
            }

            @Override
            public String print(T value, Locale locale) {
                return value.toString();
            }
        };
    }

    /** {@code text} as an ISO-8601 date such as 2025-03-05, four digits of year; anything else is refused. */
    public static LocalDate isoDate(String text) {
        if (text != null && ISO_DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException notADay) {
                // 2025-02-30: refused below
            }
        }
        throw new InvalidForm("must be an ISO-8601 date such as 2025-03-05");
    }

    /** {@code text} as an ISO-8601 instant such as 2025-03-31T12:00:00Z, four digits of year; anything else is refused. */
    public static Instant isoInstant(String text) {
        if (text != null && ISO_INSTANT.matcher(text).matches()) {
            try {
                return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
            } catch (DateTimeParseException notAnInstant) {
                // 2025-13-01T00:00:00Z: refused below
            }
        }
        throw new InvalidForm("must be an ISO-8601 instant such as 2025-03-31T12:00:00Z");
    }

    /** True if {@code text} holds a control character other than tab, line feed and carriage return. */
    public static boolean hasControlCharacter(String text) {
        return text != null && text.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f);
    }

    /** A date only as a JSON string in the form {@link #isoDate} reads: not a number, an array or an empty string. */
    private static final class IsoDate extends StdScalarDeserializer<LocalDate> {

        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            return isoDate(parser.currentToken() == JsonToken.VALUE_STRING ? parser.getString() : null);
        }
    }

    /** Strings as Jackson reads them, refusing control characters (a NUL cannot even be stored in PostgreSQL text). */
    private static final class PlainText extends StdScalarDeserializer<String> {

        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (hasControlCharacter(text)) {
                throw new InvalidForm("must not contain control characters");
            }
            return text;
        }
    }

    /**
     * Request bodies over 64 KiB (or {@code ledger.api.max-request-bytes}, or a path's own limit) are refused with
     * 413, control characters in the path or parameters with 400.
     */
    @Bean
    RequestLimits requestLimits(@Value("${ledger.api.max-request-bytes:65536}") long limit,
                                ObjectProvider<RequestLimits.ForPath> paths) {
        return new RequestLimits(limit, paths.orderedStream().toList());
    }

    /** Why a body could not be read, in the caller's terms: which field and what it must be, never the parser's internals. */
    public static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof RequestTooLarge || cause instanceof IllegalArgumentException) {
                return cause.getMessage();
            }
            if (cause instanceof DatabindException databind) {
                return path(databind) + ": " + why(databind);
            }
            if (cause instanceof JacksonException jackson) {
                return "the body is not valid JSON: " + firstLine(jackson.getOriginalMessage());
            }
            cause = cause.getCause();
        }
        return "the body is missing or is not valid JSON";
    }

    /** Why a path variable or query parameter was refused: its name and the form it must have. */
    public static String describe(MethodArgumentTypeMismatchException e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof InvalidForm invalid) {
                return e.getName() + " " + invalid.getMessage();
            }
        }
        Class<?> type = e.getRequiredType();
        if (type != null && type.isEnum()) {
            return e.getName() + " must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return e.getName() + " must be a whole number";
        }
        return e.getName() + " has the wrong form";
    }

    /** A value not in the form the API takes for it; the message says the form, to follow the field's name. */
    public static final class InvalidForm extends IllegalArgumentException {

        InvalidForm(String form) {
            super(form);
        }
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** Why a value was refused, in the API's terms rather than the parser's. */
    private static String why(DatabindException e) {
        if (e.getCause() instanceof IllegalArgumentException invalid) {
            return invalid.getMessage();
        }
        if (e.getCause() instanceof NullPointerException missing && missing.getMessage() != null) {
            return missing.getMessage() + " is missing";
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target.isEnum()) {
                return "must be one of " + Arrays.toString(target.getEnumConstants());
            }
            if (target == String.class) {
                return "must be a string";
            }
            return "has the wrong form";
        }
        return "has the wrong form"; // the parser's own words name the ledger's classes
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

}
