package io.sealtrail.registry.serde;

import java.util.Map;

/**
 * Resolves a configured strategy: a class, an instance, our class name, or Confluent's class name
 * (so a Confluent configuration works unchanged). Confluent's AssociatedNameStrategy falls back to
 * topic names when the registry has no associations, which ours never has.
 */
final class SubjectNameStrategies {
  private static final String CONFLUENT = "io.confluent.kafka.serializers.subject.";
  private static final Map<String, SubjectNameStrategy> KNOWN =
      Map.of(
          "TopicNameStrategy", new SubjectNameStrategy.TopicNameStrategy(),
          "RecordNameStrategy", new SubjectNameStrategy.RecordNameStrategy(),
          "TopicRecordNameStrategy", new SubjectNameStrategy.TopicRecordNameStrategy(),
          "AssociatedNameStrategy", new SubjectNameStrategy.TopicNameStrategy());

  private SubjectNameStrategies() {}

  static SubjectNameStrategy resolve(Object configured) {
    if (configured == null) {
      return KNOWN.get("TopicNameStrategy");
    }
    if (configured instanceof SubjectNameStrategy strategy) {
      return strategy;
    }
    String name =
        configured instanceof Class<?> type ? type.getName() : configured.toString().trim();
    String simple = name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
    simple = simple.substring(simple.lastIndexOf('.') + 1);
    if (KNOWN.containsKey(simple)
        && (name.equals(simple)
            || name.startsWith(CONFLUENT)
            || name.startsWith(SubjectNameStrategy.class.getName()))) {
      return KNOWN.get(simple);
    }
    return instantiate(name);
  }

  private static SubjectNameStrategy instantiate(String className) {
    try {
      Object instance = Class.forName(className).getDeclaredConstructor().newInstance();
      if (instance instanceof SubjectNameStrategy strategy) {
        return strategy;
      }
      throw new IllegalArgumentException(
          className
              + " does not implement "
              + SubjectNameStrategy.class.getName()
              + "; supported: "
              + KNOWN.keySet());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(
          "Unknown subject name strategy " + className + "; supported: " + KNOWN.keySet(), e);
    }
  }
}
