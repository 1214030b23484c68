// Drives GS1's epcis2.js for EpcisLocalIT.
//   node epcis.js serve              reads one EPCIS document per line on stdin and answers one
//                                    line each: {"schema": {"valid", "errors"}, "sdk": {...}}
//   node epcis.js build TIME RUN     prints an EPCIS document built with epcis2.js's own classes:
//                                    a device assembled from a lot, packed, shipped and its seal
//                                    checked at TIME (ISO 8601), plus a transformation Sealtrail
//                                    cannot map; serials and ids carry RUN
// epcis2.js 2.7.3 declares the placeholder package fs@0.0.1-security, which the registry does not
// serve; package.json overrides it with a no-op package and Node's built-in fs is what loads.
'use strict';
const path = require('path');
const readline = require('readline');
const epcis = require('epcis2.js');

const packageDir = path.dirname(require.resolve('epcis2.js/package.json'));
const fromPackage = (name) => require(require.resolve(name, { paths: [packageDir] }));

function serve() {
  const Ajv = fromPackage('ajv');
  const addFormats = fromPackage('ajv-formats');
  const ajv = addFormats(new (Ajv.default || Ajv)({ strict: false, allErrors: true }), { mode: 'full' });
  const validate = ajv.compile(require(path.join(packageDir, 'src', 'schema', 'EPCISDocument.schema.json')));
  const lines = readline.createInterface({ input: process.stdin, terminal: false });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    const valid = validate(JSON.parse(line));
    const schema = {
      valid,
      errors: valid ? [] : validate.errors.map((e) => `${e.instancePath || e.dataPath} ${e.message}`),
    };
    const result = epcis.validateEpcisDocument(JSON.parse(line), false);
    process.stdout.write(`${JSON.stringify({ schema, sdk: { valid: result.success, errors: result.errors } })}\n`);
  });
}

const ID = 'https://id.sealtrail.example/';

function build(time, run) {
  const event = (type) => {
    const e = new type();
    e.setEventTime(time).setEventTimeZoneOffset('+00:00');
    e.setReadPoint(new epcis.ReadPoint().setId(`${ID}site/plant-1/station/line-2`));
    e.setBizLocation(new epcis.BizLocation().setId(`${ID}site/plant-1`));
    return e;
  };
  const device = `${ID}serial/DEV-${run}`;
  const carton = `${ID}serial/CTN-${run}`;
  const assembled = event(epcis.ObjectEvent)
    .setAction('ADD').setBizStep('commissioning').setDisposition('active')
    .addEPC(device)
    .setIlmd(new epcis.Ilmd().addExtension('st:product', 'widget').addExtension('st:bomRevision', 'B3'))
    .addExtension('st:custodyEventId', `${run}-asm`);
  const parts = event(epcis.AssociationEvent)
    .setAction('ADD').setBizStep('assembling').setParentId(device)
    .addChildQuantity(new epcis.QuantityElement().setEpcClass(`${ID}lot/PN-SCREW/L-${run}`).setQuantity(2))
    .addExtension('st:custodyEventId', `${run}-asm`);
  const packed = event(epcis.AggregationEvent)
    .setAction('ADD').setBizStep('packing').setDisposition('in_progress')
    .setParentId(carton).addChildEPCList([device])
    .setEventID(`${ID}partner-event/${run}-pack`);
  const shipped = event(epcis.ObjectEvent)
    .setAction('OBSERVE').setBizStep('https://ref.gs1.org/cbv/BizStep-shipping').setDisposition('in_transit')
    .addEPC(carton)
    .addBizTransaction(new epcis.BizTransactionElement().setType('desadv').setBizTransaction(`${ID}shipment/SHP-${run}`))
    .addDestination(new epcis.DestinationElement().setType('location').setDestination(`${ID}site/dock-3`))
    .addExtension('st:sealId', `SEAL-${run}`)
    .addExtension('st:custodyEventId', `${run}-ship`);
  const checked = event(epcis.ObjectEvent)
    .setAction('OBSERVE').setBizStep('inspecting').setDisposition('conformant')
    .addEPC(carton)
    .addExtension('st:sealId', `SEAL-${run}`)
    .addExtension('st:sealIntact', true)
    .addExtension('st:custodyEventId', `${run}-check`);
  const transformed = event(epcis.TransformationEvent)
    .addInputEPC(device).addOutputEPC(`${ID}serial/DEV-${run}-B`);
  const document = new epcis.EPCISDocument()
    .setContext(['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
      { st: 'https://sealtrail.example/epcis/' }])
    .setCreationDate(time)
    .addEventList([assembled, parts, packed, shipped, checked, transformed]);
  if (!document.isValid()) throw new Error('epcis2.js does not accept the document it built');
  process.stdout.write(`${JSON.stringify(document.toObject())}\n`);
}

const [command, ...args] = process.argv.slice(2);
({ serve, build })[command](...args);
