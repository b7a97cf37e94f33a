package org.caseway.mappings;

/**
 * Stable codes for what can go wrong in a mapping. Adapters translate them at their edge (error
 * report file, OperationOutcome, negative acknowledgement); the codes never change meaning.
 */
public enum MappingErrorCode {
  /** No mapping with that id on the classpath or in the mappings directory. */
  MAPPING_NOT_FOUND,
  /** The mapping's own files are broken (mapping.yaml, column spec, expression, stylesheet). */
  MAPPING_INVALID,
  /** The input cannot be read at all: wrong encoding, not CSV/JSON/XML, wrong header. */
  INPUT_UNREADABLE,
  /** The input is larger than the limits allow (bytes, rows, field length, JSON depth). */
  INPUT_TOO_LARGE,
  /** One record (row, case, bundle) is bad; the other records still go through. */
  RECORD_INVALID,
  /** A mapping parameter is missing or has a value the mapping does not accept. */
  PARAMETER_INVALID,
  /** The expression failed while mapping a record (a bug in the mapping, not in the input). */
  EXPRESSION_FAILED
}
