package org.caseway.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.caseway.gateway.partner.PartnerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** The committed, local-only client file and the registrations built from it. */
class LocalIssuerClientsTest {

  private final List<LocalIssuerClient> clients =
      LocalIssuerClients.read(new ClassPathResource("caseway/northshire/local-issuer-clients.yaml"));

  @Test
  void hasOneClientPerActivePartnerAndTheDataSharingManager() {
    PartnerRegistry partners =
        PartnerRegistry.load(new ClassPathResource("caseway/northshire/partners.yaml"));
    List<LocalIssuerClient> partnerClients =
        clients.stream().filter(c -> c.roles().contains(Roles.PARTNER)).toList();

    assertThat(partnerClients).hasSize(partners.size());
    assertThat(partnerClients)
        .allSatisfy(c -> assertThat(partners.isActive(c.clientId())).as(c.clientId()).isTrue());
    assertThat(clients)
        .filteredOn(c -> c.roles().contains(Roles.DATA_SHARING_MANAGER))
        .singleElement()
        .satisfies(c -> assertThat(partners.find(c.clientId())).as("a manager is no partner").isEmpty())
        .satisfies(c -> assertThat(c.roles()).doesNotContain(Roles.PARTNER));
  }

  @Test
  void secretsSayTheyAreLocalOnly() {
    assertThat(clients).allSatisfy(c -> assertThat(c.clientSecret()).startsWith("local-only-"));
  }

  @Test
  void neverPrintsASecret() {
    assertThat(clients).allSatisfy(c -> assertThat(c.toString()).doesNotContain(c.clientSecret()));
  }

  @Test
  void registersClientCredentialsOnlyWithTheConfiguredTokenLifetime() {
    RegisteredClientRepository repository = LocalIssuerClients.repository(clients, Duration.ofMinutes(2));

    RegisteredClient police = repository.findByClientId("northshire-police");

    assertThat(police.getAuthorizationGrantTypes()).containsExactly(AuthorizationGrantType.CLIENT_CREDENTIALS);
    assertThat(police.getTokenSettings().getAccessTokenTimeToLive()).isEqualTo(Duration.ofMinutes(2));
    assertThat((List<String>) police.getClientSettings().getSetting(LocalIssuerClients.ROLES_SETTING))
        .containsExactly("partner");
  }
}
