package org.caseway.adapters.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.caseway.adapters.intake.Acknowledgement;
import org.caseway.adapters.intake.IntakeReceipt;
import org.caseway.adapters.intake.IntakeRefusedException;
import org.caseway.adapters.intake.IntakeUnavailableException;
import org.caseway.adapters.intake.MessageIntake;

/**
 * The accept path as the channels see it: records every message it is given, takes a repeated
 * {@code Bundle.id} once (as the gateway does), and can be told to refuse some messages or to be
 * unavailable (now, or after a number of further messages). Thread-safe.
 */
public final class FakeIntake implements MessageIntake {

  /** One message handed to the intake (also the refused and the unavailable attempts). */
  public record Submission(String partnerId, String json, String bundleId) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Submission> attempts = new ArrayList<>();
  private final List<Submission> accepted = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();
  private Predicate<String> refused = json -> false;
  private int availableFor = Integer.MAX_VALUE;

  /** Messages whose JSON matches are refused for good with {@code MESSAGE_NONCONFORMANT}. */
  public synchronized FakeIntake refuseWhen(Predicate<String> json) {
    this.refused = json;
    return this;
  }

  /** From now on every submission fails with {@link IntakeUnavailableException}. */
  public synchronized FakeIntake unavailable() {
    return unavailableAfter(0);
  }

  /** Takes {@code count} more messages, then is unavailable. */
  public synchronized FakeIntake unavailableAfter(int count) {
    this.availableFor = count;
    return this;
  }

  public synchronized FakeIntake available() {
    this.availableFor = Integer.MAX_VALUE;
    return this;
  }

  @Override
  public synchronized IntakeReceipt submit(String partnerId, String canonicalJson) {
    Submission submission = new Submission(partnerId, canonicalJson, bundleId(canonicalJson));
    attempts.add(submission);
    if (availableFor <= 0) {
      throw new IntakeUnavailableException("the journal is unavailable (test)", null);
    }
    availableFor--;
    if (refused.test(canonicalJson)) {
      throw new IntakeRefusedException("MESSAGE_NONCONFORMANT", "the message breaks the guide (test)");
    }
    boolean repeat = !ids.add(submission.bundleId());
    accepted.add(submission);
    return new IntakeReceipt(submission.bundleId(), repeat);
  }

  @Override
  public synchronized Acknowledgement acknowledge(String partnerId, String canonicalJson) {
    IntakeReceipt receipt = submit(partnerId, canonicalJson);
    return new Acknowledgement(receipt.messageId(), "ack-" + receipt.messageId(), "ok", "{\"ack\":\"" + receipt.messageId() + "\"}");
  }

  /** Every message taken (repeats included), in order. */
  public synchronized List<Submission> accepted() {
    return List.copyOf(accepted);
  }

  /** The distinct Bundle.ids taken, in the order first taken. */
  public synchronized List<String> acceptedIds() {
    return accepted.stream().map(Submission::bundleId).distinct().toList();
  }

  /** Every call, including those refused or made while unavailable. */
  public synchronized List<Submission> attempts() {
    return List.copyOf(attempts);
  }

  private static String bundleId(String json) {
    try {
      return JSON.readTree(json).path("id").asText("");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
