// The demo city's ids as the runtime seeds them (runtime/src/genesis_config_presets/demo_city.rs).
// demo-city.json is rendered from the runtime's constants and kept current by the runtime test
// `tests::demo_city_ids`; tests import ids from here instead of retyping them.

import { readFileSync } from 'node:fs';

const city = JSON.parse(readFileSync(new URL('./demo-city.json', import.meta.url), 'utf8'));

/** Department ids by the runtime's constant names (`PUBLIC_SECURITY`, `TAX`, `BANK`, ...). */
export const departments = city.departments;
/** How many departments genesis registers. */
export const departmentCount = city.departmentCount;
/** The council's member departments at genesis. */
export const council = city.council;
/** Certificate schema ids (`BUSINESS_LICENCE`, `FIRE_SAFETY_PERMIT`, ...). */
export const schemas = city.schemas;
/** Subject ids, hex (`PERSON_1`, `ENTERPRISE_1`, ...). */
export const subjects = city.subjects;
/** Certificate ids, hex (`BUSINESS_LICENCE_1`, ...). */
export const credentials = city.credentials;
/** Property ids (`FLAT`, `SHOP`). */
export const properties = city.properties;
/** Licence document hashes on the real-estate register, hex (`FLAT_COMPLETION`, ...). */
export const licences = city.licences;
/** Access-log purpose codes (`TAX_AUDIT`, `LICENSING`, ...). */
export const purposes = city.purposes;
