package org.caseway.gateway.security;

import java.time.Duration;
import java.util.List;
import org.caseway.gateway.config.YamlDocuments;
import org.springframework.core.io.Resource;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** Turns the local issuer's client file into Spring Authorization Server registrations. */
public final class LocalIssuerClients {

  /** Where a registration keeps its client's roles, for {@link PartnerTokenCustomizer}. */
  static final String ROLES_SETTING = "caseway.roles";

  private LocalIssuerClients() {}

  /** Reads {@code file}'s top-level {@code clients} list. */
  public static List<LocalIssuerClient> read(Resource file) {
    List<LocalIssuerClient> clients = YamlDocuments.readList(file, "clients", LocalIssuerClient.class);
    if (clients.isEmpty()) {
      throw new IllegalStateException("No clients in " + file.getDescription());
    }
    return clients;
  }

  /**
   * One client-credentials registration per client, issuing self-contained JWTs that live {@code
   * tokenTtl}.
   */
  public static InMemoryRegisteredClientRepository repository(
      List<LocalIssuerClient> clients, Duration tokenTtl) {
    return new InMemoryRegisteredClientRepository(
        clients.stream().map(client -> registration(client, tokenTtl)).toList());
  }

  private static RegisteredClient registration(LocalIssuerClient client, Duration tokenTtl) {
    return RegisteredClient.withId(client.clientId())
        .clientId(client.clientId())
        // {noop}: the secret is public anyway, and hashing it would only slow every token request.
        .clientSecret("{noop}" + client.clientSecret())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .clientSettings(ClientSettings.builder().setting(ROLES_SETTING, client.roles()).build())
        .tokenSettings(
            TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(tokenTtl)
                .build())
        .build();
  }
}
