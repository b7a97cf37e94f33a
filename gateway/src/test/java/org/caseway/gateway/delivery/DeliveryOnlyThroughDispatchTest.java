package org.caseway.gateway.delivery;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.caseway.gateway.policy.Disclosure;
import org.junit.jupiter.api.Test;

/**
 * Nothing reaches a partner without passing the policy engine: the only code that calls a delivery
 * transport is dispatch, and a transport takes nothing but a {@link Disclosure} (which only the
 * engine produces) and where to send it.
 */
class DeliveryOnlyThroughDispatchTest {

  private static final JavaClasses GATEWAY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.caseway.gateway");

  @Test
  void onlyDispatchCallsATransport() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.caseway.gateway.dispatch..")
        .should()
        .callMethodWhere(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "DeliveryTransport.deliver",
                call -> call.getTarget().getOwner().isAssignableTo(DeliveryTransport.class)
                    && call.getTarget().getName().equals("deliver")))
        .because("a partner may only receive what the policy engine disclosed, via dispatch")
        .check(GATEWAY);
  }

  @Test
  void dispatchIsWhereTransportsAreCalled() {
    // Guards the rule above against matching nothing (e.g. after a rename).
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
        .that()
        .haveSimpleName("DisclosureDelivery")
        .should()
        .callMethod(DeliveryTransport.class, "deliver", Disclosure.class, DeliveryTarget.class)
        .check(GATEWAY);
  }

  @Test
  void transportsDeliverADisclosure() {
    methods()
        .that()
        .areDeclaredInClassesThat()
        .implement(DeliveryTransport.class)
        .and()
        .haveName("deliver")
        .should()
        .haveRawParameterTypes(Disclosure.class, DeliveryTarget.class)
        .check(GATEWAY);
  }

  @Test
  void theTransportInterfaceTakesADisclosure() {
    methods()
        .that()
        .areDeclaredIn(DeliveryTransport.class)
        .and()
        .haveName("deliver")
        .should()
        .haveRawParameterTypes(Disclosure.class, DeliveryTarget.class)
        .check(GATEWAY);
  }

  @Test
  void onlyTheChannelTransportReachesAnOutboundChannelRoute() {
    noClasses()
        .that()
        .doNotHaveSimpleName("ChannelDeliveryTransport")
        .should()
        .callMethod(org.caseway.adapters.EndpointUris.class, "outbound", String.class)
        .orShould()
        .callConstructorWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
            "new OutboundMessage",
            call -> call.getTarget().getOwner().getName().equals(org.caseway.adapters.outbound.OutboundMessage.class.getName())))
        .because("an outbound channel route delivers whatever it is given: only a Disclosure may reach it")
        .check(GATEWAY);
  }

  @Test
  void theChannelTransportIsWhatReachesThem() {
    // Guards the rule above against matching nothing (e.g. after a rename).
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
        .that()
        .haveSimpleName("ChannelDeliveryTransport")
        .should()
        .callMethod(org.caseway.adapters.EndpointUris.class, "outbound", String.class)
        .check(GATEWAY);
  }
}
