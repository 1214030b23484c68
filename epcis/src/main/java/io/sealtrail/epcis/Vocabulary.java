package io.sealtrail.epcis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Optional;

/**
 * The names an EPCIS 2.0 document of Sealtrail uses: the GS1 context, the Sealtrail extension
 * namespace (ending in {@code /}, else JSON-LD would not treat it as a prefix), Sealtrail's custom
 * business steps, and the three spellings of a CBV value (bare word, Web URI, URN).
 */
public final class Vocabulary {
  /** The GS1 EPCIS 2.0 JSON-LD context, first in every document's {@code @context}. */
  public static final String GS1_CONTEXT =
      "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

  /** Sealtrail's extension namespace (for fields EPCIS has no word for). */
  public static final String NAMESPACE = "https://sealtrail.example/epcis/";

  /** The prefix exports declare for {@link #NAMESPACE}. */
  public static final String PREFIX = "sealtrail";

  /** Custom business steps: CBV has no step for these (reference §3: not encoding/installing). */
  public static final String KEY_PROVISIONING = NAMESPACE + "BizStep-key_provisioning";

  public static final String FIRMWARE_FLASHING = NAMESPACE + "BizStep-firmware_flashing";
  public static final String FIRMWARE_RELEASING = NAMESPACE + "BizStep-firmware_releasing";
  public static final String FIRMWARE_WITHDRAWING = NAMESPACE + "BizStep-firmware_withdrawing";

  /**
   * Every standard field of an EPCIS 2.0 event, in the order of the event hash's pre-hash string
   * (reference §7), the order exports write them in.
   */
  public static final List<String> EVENT_FIELDS =
      List.of(
          "type",
          "eventID",
          "eventTime",
          "eventTimeZoneOffset",
          "recordTime",
          "certificationInfo",
          "errorDeclaration",
          "epcList",
          "parentID",
          "inputEPCList",
          "childEPCs",
          "quantityList",
          "childQuantityList",
          "inputQuantityList",
          "outputEPCList",
          "outputQuantityList",
          "action",
          "transformationID",
          "bizStep",
          "disposition",
          "persistentDisposition",
          "readPoint",
          "bizLocation",
          "bizTransactionList",
          "sourceList",
          "destinationList",
          "sensorElementList",
          "ilmd");

  private static final String CBV_WEB = "https://ref.gs1.org/cbv/";

  private Vocabulary() {}

  /** {@code sealtrail:<name>}, an extension field of exports. */
  public static String ext(String name) {
    return PREFIX + ":" + name;
  }

  /** The {@code @context} of an export: the GS1 context, then the Sealtrail prefix. */
  public static ArrayNode context() {
    ArrayNode context = JsonNodeFactory.instance.arrayNode();
    context.add(GS1_CONTEXT);
    context.addObject().put(PREFIX, NAMESPACE);
    return context;
  }

  /** The CBV vocabularies with their Web URI and URN spellings. */
  public enum Cbv {
    BIZ_STEP("BizStep-", "urn:epcglobal:cbv:bizstep:"),
    DISPOSITION("Disp-", "urn:epcglobal:cbv:disp:"),
    SOURCE_DESTINATION_TYPE("SDT-", "urn:epcglobal:cbv:sdt:"),
    BIZ_TRANSACTION_TYPE("BTT-", "urn:epcglobal:cbv:btt:");

    private final String web;
    private final String urn;

    Cbv(String webPrefix, String urn) {
      this.web = CBV_WEB + webPrefix;
      this.urn = urn;
    }

    /**
     * The bare CBV word of {@code value} written in any of the three forms (reference §4: {@code
     * shipping}, {@code https://ref.gs1.org/cbv/BizStep-shipping}, {@code
     * urn:epcglobal:cbv:bizstep:shipping}), or empty when it is not a CBV value of this kind.
     */
    public Optional<String> word(String value) {
      String word;
      if (value.startsWith(web)) {
        word = value.substring(web.length());
      } else if (value.startsWith(urn)) {
        word = value.substring(urn.length());
      } else if (!value.contains(":")) {
        word = value;
      } else {
        return Optional.empty();
      }
      return word.matches("[A-Za-z0-9_]+") ? Optional.of(word) : Optional.empty();
    }
  }
}
