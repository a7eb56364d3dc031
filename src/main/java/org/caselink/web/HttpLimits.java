package org.caselink.web;

import java.time.Duration;
import org.caselink.graphql.ApiProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.TimeoutWebGraphQlInterceptor;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Limits of the HTTP API that GraphQL itself does not know of: request rate, body size and request time. */
@Configuration(proxyBeanMethods = false)
class HttpLimits {

    /**
     * Spring Security's filter chain (its DelegatingFilterProxy) runs at order -100; this runs after
     * it, at {@link #RATE_LIMIT_ORDER}, so that the authenticated user is known and requests without
     * valid credentials are refused before they spend a client's budget.
     */
    static final int RATE_LIMIT_ORDER = 0;

    @Bean
    @ConditionalOnProperty(name = "caselink.api.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<RateLimitFilter> rateLimit(
            ApiProperties api, @Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
        var limit = api.rateLimit();
        var registration = new FilterRegistrationBean<>(
                new RateLimitFilter(limit.requestsPerMinute(), limit.burst(), limit.maxClients()));
        registration.addUrlPatterns(graphQlPath, "/api/*");
        registration.setOrder(RATE_LIMIT_ORDER);
        return registration;
    }

    /** After the rate limit: a refused client's body is not read at all. */
    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimit(
            ApiProperties api, @Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
        var registration = new FilterRegistrationBean<>(
                new BodyLimitFilter(api.maxRequestBytes().toBytes()));
        registration.addUrlPatterns(graphQlPath);
        registration.setOrder(RATE_LIMIT_ORDER + 1);
        return registration;
    }

    /**
     * A GraphQL request over HTTP that has not answered within the timeout gets 503. The work it
     * started is not interrupted: its Cypher stops at the Neo4j transaction timeout
     * ({@code caselink.neo4j.transaction-timeout}), which holds for reads and writes alike.
     */
    @Bean
    TimeoutWebGraphQlInterceptor requestTimeout(ApiProperties api) {
        return new TimeoutWebGraphQlInterceptor(api.requestTimeout(), HttpStatus.SERVICE_UNAVAILABLE);
    }

    /**
     * GraphQL over HTTP answers asynchronously; the servlet container's own async timeout (Tomcat:
     * 30 s) would otherwise cut a request before the GraphQL timeout above, whatever that is set to.
     */
    @Bean
    WebMvcConfigurer asyncTimeout(ApiProperties api) {
        Duration timeout = api.requestTimeout();
        return new WebMvcConfigurer() {
            @Override
            public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
                configurer.setDefaultTimeout(timeout.plusSeconds(5).toMillis());
            }
        };
    }
}
