'use strict';
// Confluent's own JavaScript Schema Registry client, driven by RegistryInteropIT:
//   node interop.js produce <registryUrl> <topic> <schemaJson> <valueJson>  -> hex of the serialized value
//   node interop.js consume <registryUrl> <topic> <hex>                     -> JSON of the deserialized value
const { SchemaRegistryClient, SerdeType, AvroSerializer, AvroDeserializer } = require('@confluentinc/schemaregistry');

async function produce(client, topic, schemaJson, valueJson) {
  await client.register(`${topic}-value`, { schemaType: 'AVRO', schema: schemaJson });
  const serializer = new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true });
  const bytes = await serializer.serialize(topic, JSON.parse(valueJson));
  return bytes.toString('hex');
}

async function consume(client, topic, hex) {
  const deserializer = new AvroDeserializer(client, SerdeType.VALUE, {});
  return JSON.stringify(await deserializer.deserialize(topic, Buffer.from(hex, 'hex')));
}

async function main([mode, url, topic, ...rest]) {
  const client = new SchemaRegistryClient({ baseURLs: [url] });
  if (mode === 'produce') {
    return produce(client, topic, rest[0], rest[1]);
  }
  if (mode === 'consume') {
    return consume(client, topic, rest[0]);
  }
  throw new Error(`unknown mode ${mode}: expected produce or consume`);
}

main(process.argv.slice(2))
  .then((out) => process.stdout.write(out))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
