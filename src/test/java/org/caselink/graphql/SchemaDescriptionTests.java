package org.caselink.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.DescribedNode;
import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Partners build on the GraphQL API from its schema alone (GraphiQL, introspection, generated
 * clients), so every element of it says what it is: each type, interface, enum and its values,
 * input type and its fields, scalar, field and field argument carries a description. Extensions
 * ({@code extend type Query}) count: their fields and arguments need one too. The extension itself
 * cannot carry one (the SDL grammar gives type extensions no description), so it is exempt; the
 * type it extends is described where it is defined. Plain parsing, no Spring context.
 */
class SchemaDescriptionTests {

    private static final Path SCHEMA = Path.of("graphql-schema");

    @Test
    void everySchemaElementHasADescription() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(SCHEMA)) {
            files = listed.filter(p -> p.toString().endsWith(".graphqls"))
                    .sorted()
                    .toList();
        }
        assertThat(files).as("schema files in " + SCHEMA.toAbsolutePath()).isNotEmpty();

        List<String> missing = new ArrayList<>();
        TypeDefinitionRegistry all = new TypeDefinitionRegistry();
        for (Path file : files) {
            TypeDefinitionRegistry registry = new SchemaParser().parse(file.toFile());
            String name = file.getFileName().toString();
            registry.types().values().forEach(t -> checkType(name, t, true, missing));
            registry.scalars().values().stream()
                    .filter(s -> !ScalarInfo.isGraphqlSpecifiedScalar(s.getName()))
                    .forEach(s -> checkType(name, s, true, missing));
            List<TypeDefinition<?>> extensions = new ArrayList<>();
            registry.objectTypeExtensions().values().forEach(extensions::addAll);
            registry.interfaceTypeExtensions().values().forEach(extensions::addAll);
            registry.enumTypeExtensions().values().forEach(extensions::addAll);
            registry.inputObjectTypeExtensions().values().forEach(extensions::addAll);
            registry.unionTypeExtensions().values().forEach(extensions::addAll);
            registry.scalarTypeExtensions().values().forEach(extensions::addAll);
            extensions.forEach(t -> checkType(name, t, false, missing));
            all.merge(registry);
        }
        assertThat(all.getType("Query")).as("the schema files define Query").isPresent();
        assertThat(missing)
                .as("schema elements without a description (a \"...\" or \"\"\"...\"\"\" string right before them)")
                .isEmpty();
    }

    /** Notes the type (unless it is an extension, which cannot carry one) and its members without a description. */
    private static void checkType(String file, TypeDefinition<?> type, boolean definition, List<String> missing) {
        String at = file + ": " + type.getName();
        if (definition && type instanceof DescribedNode<?> described) {
            check(at, described, missing);
        }
        switch (type) {
            case ImplementingTypeDefinition<?> fields -> {
                for (FieldDefinition field : fields.getFieldDefinitions()) {
                    String fieldAt = at + "." + field.getName();
                    check(fieldAt, field, missing);
                    field.getInputValueDefinitions()
                            .forEach(arg -> check(fieldAt + "(" + arg.getName() + ")", arg, missing));
                }
            }
            case InputObjectTypeDefinition input -> {
                for (InputValueDefinition field : input.getInputValueDefinitions()) {
                    check(at + "." + field.getName(), field, missing);
                }
            }
            case EnumTypeDefinition e ->
                e.getEnumValueDefinitions().forEach(v -> check(at + "." + v.getName(), v, missing));
            default -> {}
        }
    }

    private static void check(String at, DescribedNode<?> node, List<String> missing) {
        Description d = node.getDescription();
        if (d == null || d.getContent() == null || d.getContent().isBlank()) {
            missing.add(at + " (line " + node.getSourceLocation().getLine() + ")");
        }
    }
}
