package org.caseway.gateway.security;

import jakarta.servlet.DispatcherType;
import org.caseway.gateway.fhir.FhirResponses;
import org.caseway.gateway.partner.PartnerDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The resource-server chain for everything the local issuer's chain (order 1) does not match.
 *
 * <p>Open without a token: {@code GET /actuator/health} (a load balancer must reach it) and {@code
 * GET /fhir/metadata} (the CapabilityStatement is the public contract, and FHIR clients read it to
 * discover how to authenticate before they have a token; it holds no partner data). Everything else
 * needs a bearer JWT accepted by the {@link JwtDecoder} of the configured issuer mode; the admin API
 * ({@code /admin/**}) also needs the {@value Roles#DATA_SHARING_MANAGER} role, and {@code
 * $process-message} the {@value Roles#PARTNER} role. The token of a suspended or withdrawn partner
 * is refused everywhere ({@link ActivePartnerFilter}).
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurityConfiguration {

  @Bean
  @Order(2)
  SecurityFilterChain apiSecurityFilterChain(
      HttpSecurity http, JwtDecoder jwtDecoder, FhirResponses responses, PartnerDirectory partners,
      GatewaySecurityProperties security)
      throws Exception {
    var unauthenticated = new OperationOutcomeAuthenticationEntryPoint(responses);
    var denied = new OperationOutcomeAccessDeniedHandler(responses);
    http.authorizeHttpRequests(
            requests ->
                requests
                    // Spring Boot's error page is rendered in an ERROR dispatch; let it through so
                    // the original status is kept instead of becoming a 401.
                    .dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/actuator/health", "/fhir/metadata")
                    .permitAll()
                    .requestMatchers("/admin/**")
                    .hasRole(Roles.DATA_SHARING_MANAGER)
                    // Only partner systems send messages: not a conformance tester's token, not
                    // the data sharing manager's.
                    .requestMatchers(HttpMethod.POST, "/fhir/$process-message")
                    .hasRole(Roles.PARTNER)
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .jwt(
                        jwt ->
                            jwt.decoder(jwtDecoder)
                                .jwtAuthenticationConverter(TokenValidation.authenticationConverter()))
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(denied))
        .exceptionHandling(
            exceptions -> exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
        .addFilterAfter(
            new ActivePartnerFilter(partners, responses), BearerTokenAuthenticationFilter.class)
        .addFilterAfter(
            new ClientCertificateFilter(security.clientCertificates(), responses), ActivePartnerFilter.class)
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Bearer tokens only, never cookies: a cross-site request cannot carry credentials.
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable);
    return http.build();
  }
}
