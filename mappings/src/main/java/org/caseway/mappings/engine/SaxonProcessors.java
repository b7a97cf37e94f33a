package org.caseway.mappings.engine;

import net.sf.saxon.s9api.ExtensionFunction;
import net.sf.saxon.s9api.ItemType;
import net.sf.saxon.s9api.OccurrenceIndicator;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SequenceType;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.lib.Feature;
import org.caseway.mappings.NameBasedIds;

/** A Saxon-HE processor for mappings: no external documents or text, plus {@code cw:uuid(name)}. */
final class SaxonProcessors {

  /** The namespace of Caseway's XSLT functions. */
  static final String NAMESPACE = "urn:caseway:mappings";

  private SaxonProcessors() {}

  static Processor hardened() {
    Processor processor = new Processor(false);
    processor.setConfigurationProperty(Feature.ALLOW_EXTERNAL_FUNCTIONS, true);
    processor.getUnderlyingConfiguration().setUnparsedTextURIResolver((uri, encoding, config) -> {
      throw new net.sf.saxon.trans.XPathException("a mapping may not read " + uri);
    });
    processor.registerExtensionFunction(new Uuid());
    return processor;
  }

  /** {@code cw:uuid($name as xs:string) as xs:string}: {@link NameBasedIds#of}. */
  private static final class Uuid implements ExtensionFunction {
    @Override
    public QName getName() {
      return new QName(NAMESPACE, "uuid");
    }

    @Override
    public SequenceType getResultType() {
      return SequenceType.makeSequenceType(ItemType.STRING, OccurrenceIndicator.ONE);
    }

    @Override
    public SequenceType[] getArgumentTypes() {
      return new SequenceType[] {SequenceType.makeSequenceType(ItemType.STRING, OccurrenceIndicator.ONE)};
    }

    @Override
    public XdmValue call(XdmValue[] arguments) {
      return new XdmAtomicValue(NameBasedIds.of(arguments[0].itemAt(0).getStringValue()));
    }
  }
}
