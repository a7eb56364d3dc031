package org.caselink;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A suite that takes a minute or more: child JVMs, killed and restarted databases, thousands of
 * generated records. The README's test command runs it; the everyday command
 * ({@code ./mvnw verify -DexcludedGroups=slow}) leaves it out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {}
