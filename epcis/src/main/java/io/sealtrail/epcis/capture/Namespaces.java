package io.sealtrail.epcis.capture;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.epcis.Vocabulary;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The prefixes a document's {@code @context} declares, and which of them stand for Sealtrail's
 * namespace: a partner may call it {@code sealtrail}, {@code st} or write full IRIs, and a CURIE
 * whose prefix is not declared is refused (the schema lets it through as a URI with that scheme).
 */
final class Namespaces {
  private static final Pattern GS1_CONTEXT =
      Pattern.compile(
          "https://ref\\.gs1\\.org/standards/epcis/(2\\.\\d+\\.\\d+/)?epcis-context\\.jsonld");

  /** Prefixes the GS1 context itself defines (and protects). */
  private static final Map<String, String> GS1_PREFIXES =
      Map.of(
          "epcis", "https://ref.gs1.org/epcis/",
          "cbv", "https://ref.gs1.org/cbv/",
          "cbvmda", "urn:epcglobal:cbv:mda:",
          "gs1", "https://gs1.org/voc/",
          "rdfs", "http://www.w3.org/2000/01/rdf-schema#",
          "owl", "http://www.w3.org/2002/07/owl#",
          "xsd", "http://www.w3.org/2001/XMLSchema#",
          "dcterms", "http://purl.org/dc/terms/");

  private final Map<String, String> prefixes;

  private Namespaces(Map<String, String> prefixes) {
    this.prefixes = prefixes;
  }

  /** The namespaces of {@code context}, or empty when it does not name the GS1 EPCIS context. */
  static Optional<Namespaces> of(JsonNode context) {
    boolean gs1 = false;
    Map<String, String> prefixes = new HashMap<>(GS1_PREFIXES);
    Iterable<JsonNode> entries = context == null ? java.util.List.of() : listOf(context);
    for (JsonNode entry : entries) {
      if (entry.isTextual() && GS1_CONTEXT.matcher(entry.textValue()).matches()) {
        gs1 = true;
      } else if (entry.isObject()) {
        for (Map.Entry<String, JsonNode> term : entry.properties()) {
          if (term.getValue().isTextual()) {
            prefixes.put(term.getKey(), term.getValue().textValue());
          }
        }
      }
    }
    return gs1 ? Optional.of(new Namespaces(prefixes)) : Optional.empty();
  }

  private static Iterable<JsonNode> listOf(JsonNode context) {
    return context.isArray() ? context : java.util.List.of(context);
  }

  /**
   * The full IRI of a field name or value written as a CURIE or an IRI; a bare name is returned as
   * it is.
   *
   * @throws CaptureException when the prefix is undeclared or its IRI is not a namespace
   */
  String expand(String name, String pointer) {
    int colon = name.indexOf(':');
    if (colon < 0 || name.startsWith("urn:") || name.substring(colon).startsWith("://")) {
      return name;
    }
    String prefix = name.substring(0, colon);
    String namespace = prefixes.get(prefix);
    if (namespace == null) {
      throw new CaptureException(
          RejectionCode.UNDECLARED_EXTENSION_PREFIX,
          pointer,
          "the prefix '" + prefix + "' is not declared in @context");
    }
    if (!namespace.endsWith("/") && !namespace.endsWith("#")) {
      throw new CaptureException(
          RejectionCode.UNDECLARED_EXTENSION_PREFIX,
          pointer,
          "the prefix '" + prefix + "' names '" + namespace + "', which ends in neither / nor #");
    }
    return namespace + name.substring(colon + 1);
  }

  /** The Sealtrail field {@code name} when {@code key} (a CURIE or an IRI) names one. */
  Optional<String> sealtrailName(String key, String pointer) {
    String iri = expand(key, pointer);
    return iri.startsWith(Vocabulary.NAMESPACE)
        ? Optional.of(iri.substring(Vocabulary.NAMESPACE.length()))
        : Optional.empty();
  }
}
