package io.sealtrail.platform.http;

/** The stand-in of a service's backend bean: its presence switches the probe routes on. */
record ProbeBackend(String greeting) {}
