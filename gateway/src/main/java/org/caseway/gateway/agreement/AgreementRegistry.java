package org.caseway.gateway.agreement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The agreements in force: loaded at start and on an explicit reload, all or nothing. A reload
 * with any problem changes nothing; the previous set stays in force.
 *
 * <p>Thread-safe: readers see one complete set; reloads are serialised.
 */
public class AgreementRegistry {

  private static final Logger log = LoggerFactory.getLogger(AgreementRegistry.class);

  private final ResourcePatternResolver resources;
  private final String location;
  private final AgreementLoader loader;
  private final AgreementVersionStore versions;
  private final AtomicReference<AgreementSet> current = new AtomicReference<>(AgreementSet.EMPTY);

  public AgreementRegistry(
      ResourcePatternResolver resources, String location, AgreementLoader loader, AgreementVersionStore versions) {
    this.resources = resources;
    this.location = location;
    this.loader = loader;
    this.versions = versions;
  }

  /** The set in force now. */
  public AgreementSet current() {
    return current.get();
  }

  /**
   * Reads every document at the configured location and, if all are acceptable, puts them in
   * force and records new versions.
   *
   * @return the outcome: what was loaded, or every problem (and then nothing changed)
   */
  public synchronized AgreementLoader.Result reload() {
    List<AgreementDocument> documents = readDocuments();
    AgreementLoader.Result result = loader.load(documents);
    if (result.succeeded()) {
      List<AgreementProblem> changed = versions.changedVersions(result.agreements());
      if (!changed.isEmpty()) {
        result = new AgreementLoader.Result(AgreementSet.EMPTY, changed);
      }
    }
    if (!result.succeeded()) {
      log.warn("Agreements at {} refused, {} problem(s); the previous set stays in force: {}",
          location, result.problems().size(), result.problems());
      return result;
    }
    Map<String, AgreementDocument> byFile =
        documents.stream().collect(Collectors.toMap(AgreementDocument::file, Function.identity()));
    versions.record(result.agreements(), byFile);
    current.set(result.agreements());
    log.info("Agreements in force from {}: {}", location,
        result.agreements().agreements().stream().map(Agreement::label).toList());
    return result;
  }

  private List<AgreementDocument> readDocuments() {
    try {
      Resource[] found = resources.getResources(location);
      Arrays.sort(found, Comparator.comparing(Resource::getFilename, Comparator.nullsFirst(String::compareTo)));
      List<AgreementDocument> documents = new ArrayList<>();
      for (Resource resource : found) {
        documents.add(new AgreementDocument(resource.getFilename(),
            resource.getContentAsString(StandardCharsets.UTF_8)));
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the agreements at " + location + " (caseway.agreements.location)", e);
    }
  }
}
