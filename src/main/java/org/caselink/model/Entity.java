package org.caselink.model;

/** A node of the graph as the API sees it. */
public sealed interface Entity permits Case, Child, Person, Phone, Email, Handle, Ad, Image, Location, Agency {

    EntityType entityType();

    /** The value of the type's key property. */
    String key();

    /**
     * The global id: stable, opaque to clients, and accepted by {@code node(id)}. A getter (not
     * {@code id()}) so that GraphQL's schema inspection sees it as the {@code id} property.
     */
    default String getId() {
        return GlobalId.of(entityType(), key());
    }
}
