package org.caseway.adapters.filedrop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.file.FileConstants;
import org.caseway.adapters.ChannelDefinition;
import org.caseway.adapters.intake.IntakeReceipt;
import org.caseway.adapters.intake.IntakeRefusedException;
import org.caseway.adapters.intake.MessageIntake;
import org.caseway.adapters.intake.PartnerGate;
import org.caseway.adapters.intake.RecordFeed;
import org.caseway.mappings.Mapper;
import org.caseway.mappings.MappingException;
import org.caseway.mappings.MappingInput;
import org.caseway.mappings.MappingOutput;
import org.caseway.mappings.MappingResult;
import org.caseway.mappings.RecordError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in one complete dropped file: maps it, hands every good message to the accept path (or the
 * whole file's records to a {@link RecordFeed}), writes the per-row error report when anything was
 * refused, and says where the file goes ({@link #OUTCOME_HEADER}: {@code done} or {@code error}).
 *
 * <p>A partly bad file: its good rows are accepted, the file is set aside in {@code error/} with a
 * report naming each refused row. A file refused whole (unreadable, wrong header, too large, a
 * partner that may not send) gets a one-line report. When the gateway cannot take messages now
 * ({@link org.caseway.adapters.intake.IntakeUnavailableException}) the exception propagates: the
 * file stays where it is and is taken again later; the rows accepted before are repeats then, which
 * the accept path takes once.
 *
 * <p>Thread-safe (stateless); logs file names and counts, never row content.
 */
public class FileDropProcessor implements Processor {

  /** Header naming the sub-folder the file consumer moves the file to. */
  public static final String OUTCOME_HEADER = "CasewayFileOutcome";

  private static final Logger log = LoggerFactory.getLogger(FileDropProcessor.class);

  private final ChannelDefinition channel;
  private final Mapper mapper;
  private final MessageIntake intake;
  private final Optional<RecordFeed> feed;
  private final PartnerGate gate;
  private final long maxFileSize;
  private final Map<String, String> parameters;

  public FileDropProcessor(ChannelDefinition channel, Mapper mapper, MessageIntake intake,
      Optional<RecordFeed> feed, PartnerGate gate) {
    this.channel = channel;
    this.mapper = mapper;
    this.intake = intake;
    this.feed = feed;
    this.gate = gate;
    this.maxFileSize = channel.positiveLong("max-file-size", FileDropSettings.DEFAULT_MAX_FILE_SIZE);
    this.parameters = channel.mappingParameters();
  }

  @Override
  public void process(Exchange exchange) {
    String name = exchange.getIn().getHeader(FileConstants.FILE_NAME_ONLY, String.class);
    long size = exchange.getIn().getHeader(FileConstants.FILE_LENGTH, 0L, Long.class);
    FileOutcome outcome = takeOrSetAside(name, size, () -> exchange.getIn().getBody(byte[].class));
    if (!outcome.problems().isEmpty()) {
      Path folder = Path.of(exchange.getIn().getHeader(FileConstants.FILE_PARENT, String.class))
          .resolve(FileOutcome.ERROR);
      ErrorReport.write(folder, name, outcome.problems());
    }
    exchange.getIn().setHeader(OUTCOME_HEADER, outcome.folder());
    log.info("{}: file {} from {}: {} accepted, {} repeats, {} refused{}; moved to {}/", channel.routeId(),
        name, channel.partnerId(), outcome.accepted(), outcome.repeats(), outcome.problems().size(),
        outcome.wholeFileRefused() ? " (whole file)" : "", outcome.folder());
  }

  /**
   * A fault of the gateway on one file (not the partner's, not a passing one) sets the file aside
   * with a report instead of failing it again every poll; what was accepted before the fault stays
   * accepted, and dropping the file again after the fix repeats those messages harmlessly.
   */
  private FileOutcome takeOrSetAside(String name, long size, java.util.function.Supplier<byte[]> content) {
    try {
      return take(name, size, content);
    } catch (org.caseway.adapters.intake.IntakeUnavailableException passing) {
      throw passing;
    } catch (RuntimeException fault) {
      log.error("{}: the gateway failed on file {}; set aside in error/", channel.routeId(), name, fault);
      return FileOutcome.refusedWhole(whole(name, "Caseway failed while taking this file in ("
          + fault.getClass().getSimpleName() + "); it is set aside and nothing is lost. Tell the Caseway"
          + " operator, and drop the file again once they have fixed it: rows already accepted are taken once."));
    }
  }

  /** The steps for one file; separate from Camel so that it reads (and tests) as a procedure. */
  FileOutcome take(String name, long size, java.util.function.Supplier<byte[]> content) {
    if (!gate.mayExchange(channel.partnerId())) {
      return FileOutcome.refusedWhole(whole(name, "Partner " + channel.partnerId() + " is not active in the"
          + " partnership (suspended, withdrawn or still onboarding): nothing it sends is accepted. Drop the"
          + " file again once the data sharing manager has reinstated the partner."));
    }
    if (size > maxFileSize) {
      return FileOutcome.refusedWhole(whole(name, "The file is " + size + " bytes; this drop folder takes at"
          + " most " + maxFileSize + " (setting max-file-size). Split the export into smaller files."));
    }
    MappingResult mapped;
    try {
      mapped = mapper.map(new MappingInput(name, content.get(), parameters));
    } catch (MappingException refused) {
      return FileOutcome.refusedWhole(whole(name, refused.getMessage()));
    }
    return feed.isPresent() ? applyRecords(name, mapped) : submitMessages(name, mapped);
  }

  private FileOutcome submitMessages(String name, MappingResult mapped) {
    List<RecordError> problems = new ArrayList<>(mapped.errors());
    int accepted = 0;
    int repeats = 0;
    for (MappingOutput message : mapped.outputs()) {
      try {
        IntakeReceipt receipt = intake.submit(channel.partnerId(), message.content());
        if (receipt.repeat()) {
          repeats++;
        } else {
          accepted++;
        }
      } catch (IntakeRefusedException refused) {
        problems.addAll(refusal(name, message, refused));
      }
    }
    problems.sort(java.util.Comparator.comparingInt(RecordError::line));
    return new FileOutcome(accepted, repeats, problems, false);
  }

  private FileOutcome applyRecords(String name, MappingResult mapped) {
    feed.get().apply(channel.partnerId(), name, mapped.outputs(), mapped.errors().isEmpty());
    return new FileOutcome(mapped.outputs().size(), 0, mapped.errors(), false);
  }

  /**
   * A refused message as report rows: one per line it was made from (the report is read by line, as
   * the mapping's own errors are), each under the file's name like every other row.
   */
  private static List<RecordError> refusal(String name, MappingOutput message, IntakeRefusedException refused) {
    String reason = "the gateway refused the message for " + message.key()
        + (message.lines().isEmpty() ? "" : " made from lines " + message.lines())
        + " (" + refused.code() + "): " + refused.getMessage();
    List<Integer> lines = message.lines().isEmpty() ? List.of(0) : message.lines();
    return lines.stream().map(line -> new RecordError(name, line, "", "", reason)).toList();
  }

  private static RecordError whole(String name, String reason) {
    return new RecordError(name, 0, "", "", reason);
  }
}
