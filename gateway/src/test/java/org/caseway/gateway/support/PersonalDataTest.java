package org.caseway.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The search LogsCarryNoPersonalDataIT relies on: it finds what it must, and only that. */
class PersonalDataTest {

  private static final byte[] EXPORT = ("Surname,Forenames,DOB,Location,Postcode,Narrative,Classification\r\n"
      + "Whitfield,Dean,17/03/1994,\"Outside 14 Larch Close, Kettleby\",nn7 4qt,\"Caller reports neighbour shouting"
      + " threats.\nSecond call at 08:55.\",OFFICIAL\r\n").getBytes(StandardCharsets.UTF_8);

  private final PersonalData data = new PersonalData()
      .csv(EXPORT, Set.of("Surname", "Forenames"), Set.of("DOB"), Set.of("Location", "Postcode"), Set.of("Narrative"));

  @Test
  void readsTheDocumentedFieldsInTheFormsTheGatewayMayWriteThem() {
    assertThat(data.values()).contains("Whitfield", "Dean", "17/03/1994", "1994-03-17", "nn7 4qt", "NN7 4QT", "NN74QT",
        "Outside 14 Larch Close", "Kettleby", "Second call at 08:55.", "Caller reports neighbour shouting threats.")
        .doesNotContain("OFFICIAL");
  }

  @Test
  void findsAValueAsAWholeWordOnly() {
    String log = "INFO accepted message 4f1c from northshire-police\n"
        + "ERROR row 2: Surname 'Whitfield' refused\n"
        + "INFO the Deanery office; born 1994-03-17T00:00";

    assertThat(data.foundIn(log)).containsExactlyInAnyOrder(
        "Whitfield <- ERROR row 2: Surname 'Whitfield' refused",
        "1994-03-17 <- INFO the Deanery office; born 1994-03-17T00:00");
  }

  @Test
  void readsNamesAndBirthDatesFromAFhirBundle() {
    String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"message\",\"entry\":[{\"resource\":{\"resourceType\":"
        + "\"Patient\",\"name\":[{\"family\":\"Nowak\",\"given\":[\"Łukasz\"]}],\"birthDate\":\"1988-08-02\","
        + "\"address\":[{\"line\":[\"12 Larch Close\"],\"postalCode\":\"NN7 4QT\"}]}}]}";

    assertThat(new PersonalData().fhirBundle(bundle).values())
        .containsExactlyInAnyOrder("Nowak", "Łukasz", "1988-08-02", "12 Larch Close", "NN7 4QT", "NN74QT");
  }
}
