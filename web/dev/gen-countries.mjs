#!/usr/bin/env node
// Generates src/countries.json, the small table the map and the actor-code explanations use:
//   numeric: ISO 3166-1 numeric id (as world-atlas names its countries) → ISO alpha-3 (as the API)
//   byName:  alpha-3 of the world-atlas countries that have no numeric id (Kosovo)
//   names:   alpha-3 → English common name
// from the maintained package i18n-iso-countries (a devDependency: only this table goes into the
// bundle, not the package and its locales). Run again after upgrading either package:
//   cd web && node dev/gen-countries.mjs
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const countries = require('i18n-iso-countries');
const atlas = require('world-atlas/countries-110m.json');

const numeric = {};
const missing = [];
for (const g of atlas.objects.countries.geometries) {
  if (!g.id) continue;
  const a3 = countries.numericToAlpha3(g.id);
  if (a3) numeric[g.id] = a3; else missing.push(`${g.id} ${g.properties.name}`);
}
// world-atlas draws Kosovo without an id; the warta dictionaries call it XKX (also XKK).
const byName = { Kosovo: 'XKX' };

const names = {};
for (const a3 of Object.keys(countries.getAlpha3Codes()).sort()) {
  // The common name: the first alias when it is a name rather than an abbreviation
  // (["People's Republic of China", "China"] → China; ["United Kingdom", "UK"] → United Kingdom).
  const all = countries.getName(a3, 'en', { select: 'all' }) || [];
  const name = all.length > 1 && !/^[A-Z.]+$/.test(all[1]) ? all[1] : all[0];
  if (name) names[a3] = name;
}
names.XKX = names.XKX || 'Kosovo';

const out = {
  _generated: 'by web/dev/gen-countries.mjs from i18n-iso-countries and world-atlas/countries-110m.json; do not edit',
  numeric,
  byName,
  names,
};
const file = path.resolve(here, '..', 'src', 'countries.json');
fs.writeFileSync(file, `${JSON.stringify(out)}\n`);
console.log(`${file}: ${Object.keys(numeric).length} numeric ids, ${Object.keys(names).length} names${missing.length ? `; no alpha-3 for ${missing.join(', ')}` : ''}`);
