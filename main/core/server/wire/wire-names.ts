import type { z } from 'zod';

/** The parts of zod's definition this walk reads (zod 4 keeps them on `schema._zod.def`). */
interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Gives each property of `input` the spelling `schema` expects when it differs only in case, so that
 * `orderSum` or `paymentType` from a .NET serializer set to camelCase reads as `OrderSum` and
 * `PaymentType`. A property spelled exactly as expected wins over a differently-cased twin; names
 * the schema does not know are left as they are (and then ignored). Runs before validation.
 */
export function matchWireNames(schema: z.ZodType, input: unknown): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return def.innerType ? matchWireNames(def.innerType, input) : input;
    case 'pipe':
      return def.in ? matchWireNames(def.in, input) : input;
    case 'array':
      return Array.isArray(input) && def.element ? input.map((item) => matchWireNames(def.element as z.ZodType, item)) : input;
    case 'object':
      return isJsonObject(input) && def.shape ? renameProperties(def.shape, input) : input;
    default:
      return input;
  }
}

function renameProperties(shape: Record<string, z.ZodType>, input: Record<string, unknown>): Record<string, unknown> {
  const expected = new Map(Object.keys(shape).map((name) => [name.toLowerCase(), name]));
  const output: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    const wanted = expected.get(name.toLowerCase());
    if (wanted === undefined) {
      if (!(name in output)) output[name] = value;
      continue;
    }
    // The exact spelling always wins; among other spellings, the first one sent.
    if (name !== wanted && (wanted in input || wanted in output)) continue;
    output[wanted] = matchWireNames(shape[wanted] as z.ZodType, value);
  }
  return output;
}
