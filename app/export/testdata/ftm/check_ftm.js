// Loads FollowTheMoney JSON lines from stdin in the FtM project's own model
// (@alephdata/followthemoney) and checks what the model alone does not: required
// properties (inherited ones too), well-formed dates and URLs, every entity reference
// resolving inside the file and naming an entity of the property's range. Prints a JSON
// summary (schemata counted) on success; exits 1 listing the problems otherwise.
const { Model, defaultModel } = require('@alephdata/followthemoney');
const readline = require('readline');

const model = new Model(defaultModel);
const entities = new Map();
const problems = [];
const dateRe = /^\d{4}(-\d{2}(-\d{2}([T ]\d{2}(:\d{2}(:\d{2})?)?)?)?)?$/;

function required(schema) {
  const out = new Set(schema.required || []);
  for (const parent of schema.getParents ? schema.getParents() : []) {
    for (const r of parent.required || []) out.add(r);
  }
  return out;
}

const rl = readline.createInterface({ input: process.stdin });
let line = 0;
rl.on('line', (text) => {
  line++;
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    problems.push(`line ${line}: not JSON: ${e.message}`);
    return;
  }
  try {
    const e = model.getEntity(data);
    if (!e.id) problems.push(`line ${line}: no id`);
    if (entities.has(e.id)) problems.push(`line ${line}: id ${e.id} repeated`);
    entities.set(e.id, { entity: e, line });
  } catch (err) {
    problems.push(`line ${line}: the FtM model refuses it: ${err.message}`);
  }
});

rl.on('close', () => {
  const schemata = {};
  for (const { entity, line } of entities.values()) {
    const schema = entity.schema;
    schemata[schema.name] = (schemata[schema.name] || 0) + 1;
    if (schema.abstract) problems.push(`line ${line}: abstract schema ${schema.name}`);
    for (const r of required(schema)) {
      if (entity.getProperty(r).length === 0) problems.push(`line ${line}: ${schema.name} lacks required ${r}`);
    }
    for (const prop of entity.getProperties()) {
      for (const v of entity.getProperty(prop)) {
        const value = typeof v === 'string' ? v : v.id;
        switch (prop.type.name) {
          case 'date':
            if (!dateRe.test(value)) problems.push(`line ${line}: ${prop.name} ${value} is not an FtM date`);
            break;
          case 'url':
            try {
              const u = new URL(value);
              if (!/^https?:$/.test(u.protocol)) throw new Error('not http');
            } catch (e) {
              problems.push(`line ${line}: ${prop.name} ${value} is not a URL`);
            }
            break;
          case 'entity': {
            const target = entities.get(value);
            if (!target) {
              problems.push(`line ${line}: ${prop.name} refers to ${value}, not in the file`);
            } else if (prop.range && !target.entity.schema.isA(prop.range)) {
              problems.push(`line ${line}: ${prop.name} wants a ${prop.range.name || prop.range}, ${value} is a ${target.entity.schema.name}`);
            }
            break;
          }
        }
      }
    }
  }
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log(JSON.stringify({ entities: entities.size, schemata }));
});
