package io.sealtrail.schemas;

import org.apache.avro.Schema;

/** A value schema as it was shipped in one release. */
record ReleasedSchema(String release, Schema schema) {}
