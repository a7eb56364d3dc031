package org.caselink.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.InvalidSyntaxError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.ParserOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.ErrorType;

/**
 * What a document may be before it is parsed, and what it may ask for before it runs: its length
 * (checked first, before the text is even used as a cache key), its tokens (graphql-java's parser
 * stops counting past the limit), and its aliased fields (counted in the parsed document, each
 * fragment as often as it is spread). A refused document runs no data fetcher, so no Cypher.
 *
 * <p>Documents that parsed, validated and kept within the limits are cached by their text: a client
 * sends the same few documents again and again, and parsing and validating one cost about a sixth of
 * the web threads' time in the benchmark's profile. The cache is bounded by the characters held (a
 * parsed document takes some 10 to 30 times its text in memory), so that many distinct documents
 * cannot grow it. Depth and cost are checked per request, after this ({@link QueryLimits}).
 */
final class DocumentLimits implements PreparsedDocumentProvider {

    /** graphql-java's message when the parser gave up, in any of its languages: the count and the token kind. */
    private static final Pattern PARSE_CANCELLED = Pattern.compile("(\\d+) '(grammar|whitespace)'");

    private final int maxChars;
    private final int maxTokens;
    private final int maxWhitespaceTokens;
    private final int maxAliases;
    private final ParserOptions parserOptions;
    private final Cache<String, PreparsedDocumentEntry> cache;

    DocumentLimits(int maxChars, int maxTokens, int maxWhitespaceTokens, int maxAliases, long cacheChars) {
        this.maxChars = maxChars;
        this.maxTokens = maxTokens;
        this.maxWhitespaceTokens = maxWhitespaceTokens;
        this.maxAliases = maxAliases;
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
                .transform(
                        o -> o.maxCharacters(maxChars).maxTokens(maxTokens).maxWhitespaceTokens(maxWhitespaceTokens));
        this.cache = Caffeine.newBuilder()
                .maximumWeight(cacheChars)
                .<String, PreparsedDocumentEntry>weigher((document, entry) -> document.length())
                .build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        return CompletableFuture.completedFuture(entry(input, parseAndValidate));
    }

    private PreparsedDocumentEntry entry(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String text = input.getQuery();
        if (text.length() > maxChars) {
            return refused(
                    "document-size",
                    "document too long: " + text.length() + " characters, the limit is " + maxChars
                            + "; send a shorter one");
        }
        var cached = cache.getIfPresent(text);
        if (cached != null) {
            return cached;
        }
        // graphql-java reads its parser's limits from the request's context (ParseAndValidate.parse).
        input.getGraphQLContext().put(ParserOptions.class, parserOptions);
        var entry = parseAndValidate.apply(input);
        if (entry.hasErrors()) {
            // A refused document is not worth memory, and an error's message is in the language of
            // the request that met it.
            return tooManyTokens(entry);
        }
        long aliases = aliases(entry.getDocument(), maxAliases);
        if (aliases > maxAliases) {
            return refused(
                    "aliases",
                    "too many aliased fields: more than " + maxAliases
                            + " in one operation (fragments count each time they are spread)");
        }
        cache.put(text, entry);
        return entry;
    }

    /** The parser's own refusal, reworded to name the limit as the other limits do; any other error as it is. */
    private PreparsedDocumentEntry tooManyTokens(PreparsedDocumentEntry entry) {
        if (entry.getErrors().size() == 1 && entry.getErrors().getFirst() instanceof InvalidSyntaxError e) {
            var m = PARSE_CANCELLED.matcher(e.getMessage());
            if (m.find()) {
                return m.group(2).equals("grammar")
                        ? refused("tokens", "too many tokens: the limit is " + maxTokens + "; send a shorter document")
                        : refused(
                                "whitespace-tokens",
                                "too many whitespace tokens (blanks, commas, comments): the limit is "
                                        + maxWhitespaceTokens);
            }
        }
        return entry;
    }

    private static PreparsedDocumentEntry refused(String limit, String message) {
        GraphQLError error = GraphqlErrorBuilder.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message(message)
                .extensions(Map.of("limit", limit))
                .build();
        return new PreparsedDocumentEntry(List.of(error));
    }

    /**
     * The most aliased fields any one operation of {@code document} holds, each fragment counted as
     * often as it is spread; counting stops a little past {@code limit}. The document has been
     * validated, so every fragment exists and none spreads itself.
     */
    static long aliases(Document document, int limit) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        var counter = new AliasCounter(fragments, limit + 1L);
        long most = 0;
        for (var operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            most = Math.max(most, counter.count(operation.getSelectionSet()));
        }
        return most;
    }

    /** Counts once per fragment (memoised), so that fragments spreading fragments cannot blow up the count's cost. */
    private record AliasCounter(Map<String, FragmentDefinition> fragments, long cap, Map<String, Long> counted) {

        AliasCounter(Map<String, FragmentDefinition> fragments, long cap) {
            this(fragments, cap, new HashMap<>());
        }

        long count(@Nullable SelectionSet set) {
            if (set == null) {
                return 0;
            }
            long n = 0;
            for (Selection<?> selection : set.getSelections()) {
                n = Math.min(cap, n + count(selection));
            }
            return n;
        }

        private long count(Selection<?> selection) {
            return switch (selection) {
                case Field f -> (f.getAlias() == null ? 0 : 1) + count(f.getSelectionSet());
                case InlineFragment f -> count(f.getSelectionSet());
                case FragmentSpread s -> fragment(s.getName());
                default -> 0;
            };
        }

        private long fragment(String name) {
            Long known = counted.get(name);
            if (known == null) {
                var definition = fragments.get(name);
                known = definition == null ? 0 : count(definition.getSelectionSet());
                counted.put(name, known);
            }
            return known;
        }
    }
}
