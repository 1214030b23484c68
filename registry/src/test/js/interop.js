'use strict';
// Confluent's own JavaScript Schema Registry client, driven by ConfluentJsInteropIT:
//   node interop.js produce <registryUrl> <topic> <schemaJson> <valueJson>  -> hex of the serialized value
//   node interop.js consume <registryUrl> <topic> <hex>                     -> JSON of the deserialized value
//   node interop.js produce-header <registryUrl> <topic> <schemaJson> <valueJson>
//                                      -> JSON {payload, header}: hex of the datum and of the GUID header
//   node interop.js calls <registryUrl> <stepsJson>                         -> JSON array of outcomes
// A step is {"client": "<SchemaRegistryClient method>", "args": [...]} or
// {"rest": [method, path, rawBody or null, contentType or null]} sent through the client's own
// RestService (so its error parsing applies); an outcome is {"ok": result} or
// {"status", "errorCode", "message"} of the RestError the client raised.
const {
  SchemaRegistryClient, SerdeType, AvroSerializer, AvroDeserializer, HeaderSchemaIdSerializer,
} = require('@confluentinc/schemaregistry');

async function produce(client, topic, schemaJson, valueJson) {
  await client.register(`${topic}-value`, { schemaType: 'AVRO', schema: schemaJson });
  const serializer = new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true });
  const bytes = await serializer.serialize(topic, JSON.parse(valueJson));
  return bytes.toString('hex');
}

// CP 8's header mode: auto-registers, then writes the schema GUID of the register answer in the
// __value_schema_id header and the bare datum as the payload.
async function produceHeader(client, topic, schemaJson, valueJson) {
  const serializer = new AvroSerializer(client, SerdeType.VALUE, {
    autoRegisterSchemas: true,
    schemaIdSerializer: HeaderSchemaIdSerializer,
  });
  const headers = {};
  const bytes = await serializer.serialize(topic, JSON.parse(valueJson), headers);
  const header = headers.__value_schema_id;
  return JSON.stringify({ payload: bytes.toString('hex'), header: Buffer.from(header).toString('hex') });
}

async function consume(client, topic, hex) {
  const deserializer = new AvroDeserializer(client, SerdeType.VALUE, {});
  return JSON.stringify(await deserializer.deserialize(topic, Buffer.from(hex, 'hex')));
}

async function step(client, { client: method, args, rest }) {
  if (method) {
    return client[method](...(args || []));
  }
  const [httpMethod, path, body, contentType] = rest;
  const config = { transformRequest: [(data) => data] }; // the body exactly as given
  if (contentType) {
    config.headers = { 'Content-Type': contentType };
  }
  const response = await client.restService.handleRequest(path, httpMethod, body ?? undefined, config);
  return response.data;
}

async function calls(client, stepsJson) {
  const outcomes = [];
  for (const s of JSON.parse(stepsJson)) {
    try {
      outcomes.push({ ok: (await step(client, s)) ?? null });
    } catch (e) {
      if (e.status === undefined) {
        throw e; // not an answer of the registry: the test must fail, not compare it
      }
      outcomes.push({ status: e.status, errorCode: e.errorCode, message: e.message });
    }
  }
  return JSON.stringify(outcomes);
}

async function main([mode, url, topic, ...rest]) {
  // No retries: a 500 must come back as it is, not after backing off.
  const client = new SchemaRegistryClient({ baseURLs: [url], maxRetries: 0 });
  if (mode === 'calls') {
    return calls(client, topic);
  }
  if (mode === 'produce-header') {
    return produceHeader(client, topic, rest[0], rest[1]);
  }
  if (mode === 'produce') {
    return produce(client, topic, rest[0], rest[1]);
  }
  if (mode === 'consume') {
    return consume(client, topic, rest[0]);
  }
  throw new Error(`unknown mode ${mode}: expected produce, produce-header, consume or calls`);
}

main(process.argv.slice(2))
  .then((out) => process.stdout.write(out))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
