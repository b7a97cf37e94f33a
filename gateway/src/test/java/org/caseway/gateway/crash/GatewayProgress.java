package org.caseway.gateway.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.caseway.gateway.support.GatewayClient;

/**
 * How far the gateways have got, from outside: dispatch's committed offsets on the journal against
 * its end (from the broker), and the outbox's pending deliveries (the admin API, as the data
 * sharing manager sees them).
 */
final class GatewayProgress implements AutoCloseable {

  static final String JOURNAL = "caseway.journal";
  static final String DISPATCH_GROUP = "caseway-dispatch";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Admin admin;

  GatewayProgress(String bootstrapServers) {
    this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
  }

  /** Journal records dispatch has not committed yet; -1 before it committed anything. */
  long dispatchLag() {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(DISPATCH_GROUP).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(java.util.List.of(JOURNAL)).allTopicNames().get()
          .get(JOURNAL).partitions().stream()
          .collect(Collectors.toMap(p -> new TopicPartition(JOURNAL, p.partition()), p -> OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
      long lag = 0;
      for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
        OffsetAndMetadata done = committed.get(end.getKey());
        lag += end.getValue().offset() - (done == null ? 0 : done.offset());
      }
      return lag;
    } catch (ExecutionException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Deliveries still pending in the outbox, by the admin API of the gateway on {@code port}; -1 if it does not answer. */
  static int pendingDeliveries(int port, String dsmToken) {
    try {
      HttpResponse<String> response = new GatewayClient(port).get("/admin/deliveries", dsmToken);
      if (response.statusCode() != 200) {
        return -1;
      }
      int pending = 0;
      for (JsonNode states : JSON.readTree(response.body())) {
        pending += states.path("PENDING").asInt(0);
      }
      return pending;
    } catch (java.io.IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Dead letters, by the admin API; -1 if it does not answer. */
  static int deadDeliveries(int port, String dsmToken) {
    try {
      HttpResponse<String> response = new GatewayClient(port).get("/admin/deliveries", dsmToken);
      int dead = 0;
      for (JsonNode states : JSON.readTree(response.body())) {
        dead += states.path("DEAD").asInt(0);
      }
      return dead;
    } catch (java.io.IOException | RuntimeException e) {
      return -1;
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
