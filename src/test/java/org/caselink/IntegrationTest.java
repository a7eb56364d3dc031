package org.caselink;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against the whole service (HTTP on a random port) and a real Neo4j (see
 * {@link TestDatabase}), without demo data at start. All such tests share one application context and one database; each test starts from
 * the graph it builds itself ({@link Fixtures}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "caselink.demo.enabled=false")
@AutoConfigureGraphQlTester
public @interface IntegrationTest {}
