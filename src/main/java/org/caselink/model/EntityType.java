package org.caselink.model;

import java.util.function.Function;
import org.neo4j.driver.Value;

/**
 * Every kind of node the API exposes: its label, the property that identifies it and how a node
 * becomes a value. Labels and key properties reach Cypher only from here, never from input.
 */
public enum EntityType {
    CASE("Case", "caseNumber", Case::from),
    CHILD("Child", "uid", Child::from),
    PERSON("Person", "uid", Person::from),
    PHONE("Phone", "e164", Phone::from),
    EMAIL("Email", "address", Email::from),
    HANDLE("Handle", "key", Handle::from),
    AD("Ad", "adId", Ad::from),
    IMAGE("Image", "hash", Image::from),
    LOCATION("Location", "key", Location::from),
    AGENCY("Agency", "code", Agency::from);

    private final String label;
    private final String keyProperty;
    private final Function<Value, ? extends Entity> mapper;

    EntityType(String label, String keyProperty, Function<Value, ? extends Entity> mapper) {
        this.label = label;
        this.keyProperty = keyProperty;
        this.mapper = mapper;
    }

    public String label() {
        return label;
    }

    public String keyProperty() {
        return keyProperty;
    }

    /** Turns a node (or a map of its properties) into its value. */
    public Entity map(Value node) {
        return mapper.apply(node);
    }

    /** The Cypher pattern that finds one node of this type by {@code $param}: label and key from this enum only. */
    public String match(String variable, String param) {
        return "(" + variable + ":" + label + " {" + keyProperty + ": " + param + "})";
    }

    public static EntityType ofLabel(String label) {
        for (EntityType t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown type " + label);
    }
}
